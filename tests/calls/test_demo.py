"""The demo data gives the organiser, La Union's staff and the I.S. 136 committee's chair
call lists that are not empty (``make run``)."""

import io

import pytest
from django.core.management import call_command

from calls.demo import PLENARY
from committees.models import Committee
from events_api.events.models import Event
from events_api.people.models import User
from tests.calls.helpers import committee_url, event_url, keys
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def account(prefix: str) -> User:
    return User.objects.get(email=f"{prefix}@demo.opendoors.nyc")


def test_the_demo_has_people_to_call():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # idempotent: nobody twice
    plenary = Event.objects.get(title__en=PLENARY)
    is136 = Committee.objects.get(school__dbn="15K136", kind="welcoming")

    organisers = client_for(account("organiser")).get(event_url(plenary)).json()
    la_union = client_for(account("cbo")).get(event_url(plenary)).json()
    chairs = client_for(account("parent")).get(committee_url(is136)).json()

    assert {g["language"] for g in organisers["groups"]} == {"bn", "es", "ar", "ur"}
    assert len(keys(organisers)) == 5
    assert [p["name"] for g in la_union["groups"] for p in g["people"]] == ["Josefina Morales"]
    assert chairs["event"] is not None
    assert sorted(p["name"] for g in chairs["groups"] for p in g["people"]) == [
        "Shahana Akter",
        "Teresa Flores",
    ]
    assert [p["name"] for p in chairs["no_number"]] == ["Huda Nasser"]
