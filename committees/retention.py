"""Committee members' records (their RSVPs to the committee's meetings) are kept while
their membership lasts and COMMITTEE_MEMBER_RETENTION_DAYS after it ends, however long
ago the meeting was."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from committees.models import Membership


def member_records_q(now: datetime) -> Q:
    """Registrations (RSVPs) of a meeting by a member of its committee whose membership
    has not ended, or ended less than the period before ``now``."""
    cutoff = timezone.localdate(now) - timedelta(days=settings.COMMITTEE_MEMBER_RETENTION_DAYS)
    memberships = Membership.objects.filter(
        committee=OuterRef("event__meeting__committee"), user=OuterRef("user")
    ).filter(Q(term_end__isnull=True) | Q(term_end__gte=cutoff))
    return Q(rsvp__isnull=False) & Q(Exists(memberships))
