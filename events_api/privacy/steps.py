"""The core's own steps: registrations (walk-ins and RSVPs are registrations too),
interpreter requests, message logs, the reminders of ended events, and the access log's
old rows. Each step is a pending query and one bulk UPDATE (or DELETE) by primary key."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Case, F, QuerySet, Value, When

from events_api.audit.models import AccessRecord
from events_api.events.models import Registration
from events_api.interpretation.models import InterpreterRequest
from events_api.notifications.models import Delivery, Message, Reminder, Status
from events_api.privacy.hooks import Scope, Step, held_registrations_q


def not_anonymised(model, scope: Scope) -> QuerySet:
    """Rows of ``model`` (with ``event`` and ``anonymised_at``) of expired events still to
    do; the partial index on ``event`` where ``anonymised_at`` is empty serves it."""
    return model.objects.filter(anonymised_at__isnull=True, event__in=scope.expired_events)


def _pending_registrations(scope: Scope) -> QuerySet:
    return not_anonymised(Registration, scope).exclude(held_registrations_q(scope.now))


def _anonymise_registrations(pks: list[int], now: datetime) -> None:
    # Kept: party sizes, languages, interpreter and childcare needs, accessibility needs
    # (the kinds), status, check-in, source and the CBO, for next year's planning.
    Registration.objects.filter(pk__in=pks).update(
        name="", email="", phone="", user=None, accessibility_notes="", anonymised_at=now
    )


def _anonymise_requests(pks: list[int], now: datetime) -> None:
    InterpreterRequest.objects.filter(pk__in=pks).update(
        note="", requested_by=None, anonymised_at=now
    )


def _anonymise_messages(pks: list[int], now: datetime) -> None:
    # A message still waiting to go out for an event long over is not sent any more.
    Message.objects.filter(pk__in=pks).update(
        to="",
        subject="",
        body="",
        html="",
        attachment="",
        error="",
        status=Case(
            When(status__in=[Status.QUEUED, Status.SENDING], then=Value(Status.HELD)),
            default=F("status"),
        ),
        anonymised_at=now,
    )
    Delivery.objects.filter(message_id__in=pks).update(detail="")


def _event_less_messages(scope: Scope) -> QuerySet:
    """Messages about no event (committee invitations, news of a meeting series) are kept
    PERSONAL_DATA_RETENTION_DAYS after they were written."""
    cutoff = scope.now - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
    return Message.objects.filter(
        event__isnull=True, anonymised_at__isnull=True, created_at__lt=cutoff
    )


def _ended_events_reminders(scope: Scope) -> QuerySet:
    return Reminder.objects.filter(event__ends_at__lte=scope.now)


def _delete_reminders(pks: list[int], now: datetime) -> None:
    Reminder.objects.filter(pk__in=pks).delete()


def _old_looks(scope: Scope) -> QuerySet:
    """The access log keeps a fixed period (ACCESS_LOG_RETENTION_DAYS), then forgets."""
    return AccessRecord.objects.filter(
        at__lt=scope.now - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
    )


def _delete_looks(pks: list[int], now: datetime) -> None:
    AccessRecord.objects.filter(pk__in=pks).delete()


CORE_STEPS = (
    Step("registrations", _pending_registrations, _anonymise_registrations),
    Step(
        "interpreter_requests",
        lambda scope: not_anonymised(InterpreterRequest, scope),
        _anonymise_requests,
    ),
    Step("messages", lambda scope: not_anonymised(Message, scope), _anonymise_messages),
    Step("event_less_messages", _event_less_messages, _anonymise_messages),
    Step("reminders", _ended_events_reminders, _delete_reminders),
    Step("access_log", _old_looks, _delete_looks),
)
