"""Call-list outcomes in a family's own data: shown in the export of each registration
(``call_outcomes``) and anonymised with it on erasure (the retention step's own apply)."""

from collections import defaultdict

from calls.models import CallAttempt
from events_api.privacy import hooks


def call_outcomes(registration_ids: list[int]) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = defaultdict(list)
    attempts = CallAttempt.objects.filter(registration_id__in=registration_ids).order_by(
        "recorded_at", "pk"
    )
    for attempt in attempts:
        found[attempt.registration_id].append(
            {
                "outcome": attempt.outcome,
                "note": attempt.note,
                "recorded_at": attempt.recorded_at.isoformat(),
            }
        )
    return found


def register() -> None:
    hooks.register_rows_of(
        "call_attempts", lambda ids: CallAttempt.objects.filter(registration_id__in=ids)
    )
    hooks.register_registration_export("call_outcomes", call_outcomes)
