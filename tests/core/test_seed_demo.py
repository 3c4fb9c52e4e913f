import io

import pytest
from django.apps import apps
from django.core.management import call_command


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "admin", "contenttypes"}
    }


@pytest.mark.django_db
def test_seed_demo_loads_realistic_data_and_is_idempotent():
    call_command("seed_demo", stdout=io.StringIO())
    first = row_counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert row_counts() == first
    assert first["people.School"] >= 20
    assert set(apps.get_model("people", "School").objects.values_list("borough_id", flat=True)) == {
        "M",
        "X",
        "K",
        "Q",
        "R",
    }
    assert first["people.Organization"] >= 8
    assert first["summits.Session"] >= 20
    assert first["events.Registration"] > 0
    Summit = apps.get_model("summits", "Summit")
    assert Summit.objects.get(year=2027).status == "published"
