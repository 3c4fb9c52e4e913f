"""Committee invitations hold an email or a phone number. Once the invitation is settled
(accepted, or expired unused) and PERSONAL_DATA_RETENTION_DAYS have passed, those go; the
row stays (role, term, dates), so an old link still answers "used" or "expired"."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet

from committees.models import Invitation
from events_api.privacy.hooks import Scope, Step


def _settled_invitations(scope: Scope) -> QuerySet:
    cutoff = scope.now - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
    return Invitation.objects.filter(anonymised_at__isnull=True).filter(
        Q(accepted_at__lt=cutoff) | Q(accepted_at__isnull=True, expires_at__lt=cutoff)
    )


def _anonymise_invitations(pks: list[int], now: datetime) -> None:
    Invitation.objects.filter(pk__in=pks).update(email="", phone="", anonymised_at=now)


INVITATIONS = Step("committee_invitations", _settled_invitations, _anonymise_invitations)
