"""Call-list outcomes after an event's retention period: the outcome stays (it counts, and
"asked to stop" keeps a member off the committee's lists), the note is removed."""

from datetime import datetime

from calls.models import CallAttempt
from events_api.privacy.hooks import Step
from events_api.privacy.steps import not_anonymised


def _anonymise_call_attempts(pks: list[int], now: datetime) -> None:
    CallAttempt.objects.filter(pk__in=pks).update(note="", anonymised_at=now)


CALL_ATTEMPTS = Step(
    "call_attempts",
    lambda scope: not_anonymised(CallAttempt, scope),
    _anonymise_call_attempts,
)
