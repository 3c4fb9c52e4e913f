"""Reading the access log (events_api.audit): an event's organisers see every look at its
registrants' data, with who and from where; a family sees, through its manage link, that
(not who) its registration was looked at."""

from django.db.models import Q, QuerySet

from events_api.audit.models import AccessKind, AccessRecord
from events_api.core.errors import Forbidden
from events_api.events import rules
from events_api.events.errors import EventNotFound
from events_api.events.models import Event, Registration


def event_log(user, event_id: int) -> QuerySet[AccessRecord]:
    """The log of one event, newest first. EventNotFound if the user may not see the event,
    Forbidden if they may see it but do not organise it."""
    event = Event.objects.filter(rules.visible_events_q(user), pk=event_id).first()
    if event is None:
        raise EventNotFound()
    if not rules.can_manage_event(user, event):
        raise Forbidden()
    return AccessRecord.objects.filter(event_id=event.pk).select_related("user")


def looks_at(registration: Registration) -> QuerySet[AccessRecord]:
    """The looks that may have shown this registration: its own check-in lookups, and every
    list, download, call list or interpreter's job of its event that showed someone, since
    it was made (a list filtered to other people is counted too: the log keeps counts, not
    who was on each list). Not the family's own looks at its own registration."""
    own = Q(registration_id=registration.pk, count__gt=0)
    lists = (
        Q(event_id=registration.event_id, registration_id=None, count__gt=0)
        & ~Q(kind=AccessKind.CHECK_IN_LOOKUP)
        & Q(at__gte=registration.created_at)
    )
    looks = AccessRecord.objects.filter(own | lists)
    if registration.user_id is not None:
        looks = looks.exclude(user_id=registration.user_id)
    return looks.order_by("-at", "-id")
