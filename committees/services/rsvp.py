"""RSVPs to committee meetings, stored as registrations of the meeting's event (so seats,
interpreter requests and calendars come from the core) plus the yes / maybe / no answer."""

from django.db import transaction

from committees.models import Meeting, Rsvp, RsvpResponse
from events_api.events.services import rsvp as core_rsvp
from events_api.events.services.registration import Contact, Needs, Party


def answer(
    *, meeting: Meeting, response: str, contact: Contact, party: Party, needs: Needs
) -> core_rsvp.Answered:
    """Record (or, for an account, change) an answer. A guest without an account answers
    once; they change it through the manage link of their registration. Raises what
    ``events_api.events.services.rsvp.respond`` raises."""
    with transaction.atomic():
        answered = core_rsvp.respond(
            event_id=meeting.event_id,
            contact=contact,
            attending=response != RsvpResponse.NO,
            party=party,
            needs=needs,
            allow_change=contact.user is not None,
        )
        registration = answered.registration
        if contact.user is not None:
            # One answer per person: an earlier answer's registration was replaced.
            Rsvp.objects.filter(meeting=meeting, registration__user=contact.user).exclude(
                registration=registration
            ).delete()
        Rsvp.objects.update_or_create(
            registration=registration, defaults={"meeting": meeting, "response": response}
        )
    return answered
