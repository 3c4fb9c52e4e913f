"""Privacy by design: no model anywhere has a field for immigration status, SSN, formal
ID or birthplace."""

import re

from django.apps import apps

FORBIDDEN = re.compile(
    r"immigra|citizen|visa|ssn|social_security|passport|birth_?place|country_of_birth|"
    r"national_id|formal_id|id_number|alien",
    re.IGNORECASE,
)


def test_no_model_collects_forbidden_personal_data():
    offenders = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label not in {"auth", "admin", "contenttypes", "sessions"}
        for field in model._meta.get_fields()
        if FORBIDDEN.search(field.name)
    ]
    assert offenders == []
