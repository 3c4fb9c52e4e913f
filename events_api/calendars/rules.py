"""Which events a feed may hold: a public feed only what anyone may see, a personal feed
what its owner may see and is going to. Never drafts."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from events_api.calendars.queries import NOT_ATTENDING
from events_api.events.hooks import personal_events_q
from events_api.events.models import Registration
from events_api.events.rules import PUBLIC_STATUSES, visible_events_q


def public_events_q() -> Q:
    """What anyone may see: published and cancelled events that are not members-only."""
    return visible_events_q(AnonymousUser())


def personal_events_q_for(user) -> Q:
    """The events ``user`` registered for (and not cancelled or declined) that they may
    still see, plus those apps put in their calendar (their committees' meetings, their
    interpreting jobs). Never drafts."""
    registered = Registration.objects.filter(user=user).exclude(status__in=NOT_ATTENDING)
    mine = Q(pk__in=registered.values("event_id")) & visible_events_q(user)
    return (mine | personal_events_q(user)) & Q(status__in=PUBLIC_STATUSES)
