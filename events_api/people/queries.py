import time

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet

from events_api.people.models import Language, Organization, OrganizationMembership, School

# The language catalogue changes only through data migrations and the admin, while every
# request that carries a language code is checked against it: each process keeps the codes
# for a minute (a language added in the admin is accepted everywhere within that minute).
LANGUAGE_CODES_SECONDS = 60
_language_codes: tuple[float, frozenset[str]] = (0.0, frozenset())


def known_language_codes() -> frozenset[str]:
    global _language_codes
    loaded_at, codes = _language_codes
    now = time.monotonic()
    if not codes or now - loaded_at > LANGUAGE_CODES_SECONDS:
        codes = frozenset(Language.objects.values_list("code", flat=True))
        _language_codes = (now, codes)
    return codes


def forget_language_codes() -> None:
    """Read the catalogue again on next use (tests start from the database each time)."""
    global _language_codes
    _language_codes = (0.0, frozenset())


def ui_language_codes() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def schools() -> QuerySet[School]:
    return School.objects.select_related("borough")


def search_schools(queryset: QuerySet[School], text: str) -> QuerySet[School]:
    text = text.strip()
    if not text:
        return queryset
    return queryset.filter(
        Q(name__icontains=text) | Q(dbn__iexact=text) | Q(address__icontains=text)
    )


def organizations() -> QuerySet[Organization]:
    return Organization.objects.prefetch_related("boroughs", "languages")


def organization_ids_of(user) -> list[int]:
    """The organisations a user works for (as CBO staff), read once per user object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_organization_ids", None)
    if cached is None:
        cached = list(
            OrganizationMembership.objects.filter(user=user).values_list(
                "organization_id", flat=True
            )
        )
        user._organization_ids = cached
    return cached


def memberships_prefetch() -> Prefetch:
    return Prefetch(
        "memberships",
        queryset=OrganizationMembership.objects.select_related("organization"),
    )
