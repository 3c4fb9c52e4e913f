"""Shared set-up for the privacy tests: registrations made through the real API (so the
messages and interpreter requests they cause exist too), and the retention boundary."""

from datetime import timedelta

from django.conf import settings

from events_api.events.models import Registration


def register(api, event, **payload) -> Registration:
    body = {"name": "Farida Rahman", "phone": "(718) 555-0101", **payload}
    response = api.post(f"/api/v1/events/{event.pk}/registrations/", body, format="json")
    assert response.status_code == 201, response.json()
    return Registration.objects.get(pk=response.json()["id"])


def boundary(event, days: int | None = None):
    """The exact second the event's personal data expires."""
    return event.ends_at + timedelta(
        days=settings.PERSONAL_DATA_RETENTION_DAYS if days is None else days
    )


def personal(registration: Registration) -> dict:
    registration.refresh_from_db()
    return {
        "name": registration.name,
        "email": registration.email,
        "phone": registration.phone,
        "user": registration.user_id,
        "accessibility_notes": registration.accessibility_notes,
    }


REMOVED = {"name": "", "email": "", "phone": "", "user": None, "accessibility_notes": ""}
