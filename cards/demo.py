"""Demo parent cards: La Union's staff (Rosa, cbo@) issued five, one of them lost and
re-issued and one expired; the chair of I.S. 136's welcoming committee (Farida, parent@)
issued two in the school's name. Numbers are fixed so the demo can be followed by hand
(type one at /cards/verify); dates are relative to today, so the valid cards stay valid.
Idempotent: each card is found by its number and set again."""

from datetime import timedelta

from django.utils import timezone

from cards.models import Card
from events_api.people.models import Organization, School, User

ORDER = 60
DEMO_DOMAIN = "demo.opendoors.nyc"

# number, holder, language, children's schools (DBNs), phone, issued (days ago),
# valid until (days from today), revoked (days ago or None), the card it replaces
LA_UNION = [
    ("RQ7K4MXA", "María López", "es", ["15K136", "15K172"], "+17185550142", 20, 345, None, None),
    ("TC9HVE3N", "Juana Tzoc", "quc", ["15K172"], "", 12, 353, None, None),
    ("WD6PJ4FY", "Ana Morales", "es", ["15K136"], "+17185550163", 90, 275, 5, None),
    ("MH3XKT7C", "Ana Morales", "es", ["15K136"], "+17185550163", 5, 275, None, "WD6PJ4FY"),
    ("YP4ANF6G", "Lucía Ramírez", "es", [], "", 400, -35, None, None),
]
IS136 = [
    ("KE7RUD9W", "Amina Yusuf", "ar", ["15K136"], "", 30, 335, None, None),
    ("NX6GCT4J", "Rahima Begum", "bn", ["15K136"], "+17185550187", 8, 357, None, None),
]


def _card(row, *, by, organization=None, school=None) -> Card:
    number, name, language, dbns, phone, issued, valid, revoked, replaces = row
    now = timezone.now()
    today = timezone.localdate()
    card, _ = Card.objects.update_or_create(
        number=number,
        defaults={
            "holder_name": name,
            "preferred_language_id": language,
            "phone": phone,
            "email": "",
            "user": None,
            "organization": organization,
            "school": school,
            "issued_by": by,
            "issued_at": now - timedelta(days=issued),
            "expires_on": today + timedelta(days=valid),
            "revoked_at": now - timedelta(days=revoked) if revoked is not None else None,
            "revoked_by": by if revoked is not None else None,
            "replaces": Card.objects.get(number=replaces) if replaces else None,
            "anonymised_at": None,
        },
    )
    card.schools.set(School.objects.filter(dbn__in=dbns))
    return card


def seed(stdout) -> None:
    rosa = User.objects.get(email=f"cbo@{DEMO_DOMAIN}")
    farida = User.objects.get(email=f"parent@{DEMO_DOMAIN}")
    la_union = Organization.objects.get(short_name="La Union")
    is136 = School.objects.get(dbn="15K136")
    for row in LA_UNION:
        _card(row, by=rosa, organization=la_union)
    for row in IS136:
        _card(row, by=farida, school=is136)
    stdout.write(f"  {len(LA_UNION) + len(IS136)} parent cards")
