"""An event's ``seats_taken`` and ``waitlist_length`` columns, kept equal to what its
registrations say.

Every service that changes a registration's status or party size holds the event's row
lock (``locking.lock_event``) and calls ``store_counts`` before it commits: one UPDATE that
recounts from the registrations in the same transaction, so the columns cannot drift from
them however the change came about (a seat taken, a cancellation, a promotion, a party that
grew). Seat decisions never read the columns: they count registrations under the lock."""

from functools import cache

from django.db import connection
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from events_api.events.models import SEATED, Event, Registration, RegistrationStatus


def _per_event(registrations, aggregate, condition: Q) -> Coalesce:
    rows = (
        registrations.objects.filter(condition, event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(n=aggregate)
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def counted(registrations=Registration) -> dict:
    """Column values recounted from registrations, as expressions on Event rows
    (``registrations``: the model, or a migration's historical one)."""
    return {
        "seats_taken": _per_event(
            registrations, Sum(F("adults") + F("children")), Q(status__in=SEATED)
        ),
        "waitlist_length": _per_event(
            registrations, Count("pk"), Q(status=RegistrationStatus.WAITLISTED)
        ),
    }


@cache
def _store_sql() -> str:
    # The same counts as ``counted()``, as one statement written once: every registration
    # pays for this, and compiling the ORM's expressions cost ten times the UPDATE itself.
    # (tests/conftest.py compares the two after every database test.)
    event, registration = Event._meta.db_table, Registration._meta.db_table
    seated = ", ".join(["%s"] * len(SEATED))
    return (
        f"UPDATE {event} SET "  # noqa: S608 -- table names from our models, values as params
        f"seats_taken = COALESCE((SELECT SUM(adults + children) FROM {registration} "
        f"WHERE event_id = %s AND status IN ({seated})), 0), "
        f"waitlist_length = (SELECT COUNT(*) FROM {registration} "
        f"WHERE event_id = %s AND status = %s) WHERE id = %s"
    )


def store_counts(event: Event) -> None:
    """Recount ``event``'s seats and waitlist into its columns, in one UPDATE. Call with the
    event locked, after the registrations changed. The two fields of ``event`` become
    deferred: read again, they load the stored values (one query, only if someone asks)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _store_sql(),
            [event.pk, *SEATED, event.pk, RegistrationStatus.WAITLISTED, event.pk],
        )
    for name in ("seats_taken", "waitlist_length"):
        event.__dict__.pop(name, None)


def drifted() -> list[tuple[int, int, int, int, int]]:
    """Events whose columns differ from their registrations: (id, seats stored, seats
    counted, waitlist stored, waitlist counted). Empty when all is well."""
    rows = (
        Event.objects.annotate(
            counted_seats=counted()["seats_taken"], counted_waitlist=counted()["waitlist_length"]
        )
        .exclude(seats_taken=F("counted_seats"), waitlist_length=F("counted_waitlist"))
        .order_by("pk")
    )
    return list(
        rows.values_list(
            "pk", "seats_taken", "counted_seats", "waitlist_length", "counted_waitlist"
        )
    )


def recount(event_ids=None) -> int:
    """Rewrite the columns of every event (or of ``event_ids``) from the registrations.
    Returns the number of events written. The repair for rows changed outside the services
    (an import, a hand edit)."""
    events = Event.objects.all() if event_ids is None else Event.objects.filter(pk__in=event_ids)
    return events.update(**counted())
