"""Demo interpretation: a roster covering the 12 school languages plus Polish and ASL,
direct requests on the 2027 summit's sessions next to the ones its registrations made,
assignments (some confirmed), gaps, and late requests on a session whose organisers set a
long lead time. Idempotent."""

import unicodedata
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.utils import timezone

from events_api.core.errors import DomainError
from events_api.events.models import Event, EventStatus
from events_api.events.services.events import update_event
from events_api.interpretation.models import (
    ACTIVE_ASSIGNMENT,
    Assignment,
    DemandLine,
    Interpreter,
    InterpreterRequest,
    LineStatus,
    RequestSource,
)
from events_api.interpretation.services import assignments as assignment_services
from events_api.interpretation.services import demand as demand_services
from events_api.interpretation.services import roster as roster_services
from events_api.people.demo import DEMO_PASSWORD
from events_api.people.models import Language, Organization, User

ORDER = 40
ZONE = ZoneInfo("America/New_York")
SUMMIT_DAYS = [date(2027, 3, 6), date(2027, 3, 7)]

AGENCIES = {
    "L": ("Lingua NYC", "lingua.example.org"),
    "B": ("Borough Language Services", "boroughlang.example.org"),
    "K": ("Kreyòl Bridge", "kreyol.example.org"),
    "S": ("Sign NYC", "signnyc.example.org"),
}
# name, agency, languages, modes, available on the summit days
ROSTER = [
    ("Arben Hoxha", "L", "sq", "in_person phone", True),
    ("Layla Haddad", "L", "ar", "in_person video", True),
    ("Omar Farouk", "L", "ar fr", "phone video", True),
    ("Tahmina Rahman", "B", "bn", "in_person phone", True),
    ("Sajid Hossain", "B", "bn ur", "in_person", True),
    ("Li Na", "B", "zh-hans", "in_person video", True),
    ("Chen Wei", "L", "zh-hans", "phone", True),
    ("Aminata Diallo", "L", "fr", "in_person", True),
    ("Jean-Baptiste Pierre", "K", "ht fr", "in_person phone", False),
    ("Kim Ji-woo", "L", "ko", "in_person video", True),
    ("Irina Volkova", "B", "ru uk", "in_person phone", True),
    ("Lucía Gómez", "L", "es", "in_person phone video", True),
    ("Mateo Ramírez", "L", "es", "in_person", True),
    ("Ayesha Siddiqui", "B", "ur", "in_person phone", True),
    ("Dilnoza Karimova", "L", "uz ru", "phone", True),
    ("Katarzyna Nowak", "L", "pl", "in_person phone", True),
    ("Sam Rivera", "S", "ase", "sign_language", True),
]
INTERPRETER_ACCOUNT = ("interpreter@demo.opendoors.nyc", "Marisol Interpreter", ["es"])

# Direct requests: session index, language, mode, people, who asks (coordinator/cbo)
REQUESTS = [
    (0, "ase", "sign_language", 2, "coordinator"),
    (0, "pl", "in_person", 3, "cbo"),
    (2, "ht", "in_person", 4, "cbo"),
    (3, "ko", "phone", 2, "coordinator"),
    (4, "ru", "in_person", 5, "cbo"),
]
# A session whose organisers ask for a term's notice: requests made now are late.
LONG_LEAD_SESSION = 5
LATE_REQUESTS = [("uz", "phone", 3), ("ur", "in_person", 2)]


def _summit_windows():
    return [
        (
            datetime.combine(day, time(8), tzinfo=ZONE),
            datetime.combine(day, time(18), tzinfo=ZONE),
        )
        for day in SUMMIT_DAYS
    ]


def _roster() -> None:
    for number, (name, agency, languages, modes, available) in enumerate(ROSTER, start=1):
        agency_name, domain = AGENCIES[agency]
        first = unicodedata.normalize("NFKD", name.split()[0]).encode("ascii", "ignore")
        email = f"{first.decode().lower()}@{domain}"
        if Interpreter.objects.filter(email=email).exists():
            continue
        roster_services.create_interpreter(
            languages=Language.objects.filter(code__in=languages.split()),
            modes=modes.split(),
            availability=_summit_windows() if available else [],
            name=name,
            email=email,
            phone=f"+1718555{300 + number:04d}",
            agency=agency_name,
        )
    email, display_name, languages = INTERPRETER_ACCOUNT
    user, created = User.objects.get_or_create(
        email=email, defaults={"display_name": display_name, "preferred_language_id": "es"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    if not Interpreter.objects.filter(user=user).exists():
        roster_services.create_interpreter(
            languages=Language.objects.filter(code__in=languages),
            modes=["in_person", "phone"],
            availability=_summit_windows(),
            user=user,
        )


def _events() -> list[Event]:
    """The 2027 summit's sessions if the summit demo made them, else upcoming events."""
    upcoming = Event.objects.filter(status=EventStatus.PUBLISHED, starts_at__gt=timezone.now())
    sessions = list(upcoming.filter(kind="session").order_by("starts_at", "pk"))
    return sessions or list(upcoming.order_by("starts_at", "pk"))


def _request(event: Event, language: str, mode: str, people: int, by, organization=None):
    exists = InterpreterRequest.objects.filter(
        event=event, language_id=language, mode=mode, source=RequestSource.DIRECT
    ).exists()
    if not exists:
        demand_services.request_interpreter(
            event_id=event.pk,
            request=demand_services.DirectRequest(
                language=Language.objects.get(pk=language),
                mode=mode,
                people=people,
                organization_id=organization.pk if organization else None,
            ),
            by=by,
        )


def _assign_some(events: list[Event], coordinator) -> int:
    """Cover most open lines with someone free; leave Haitian Creole (its interpreter is
    away that weekend) and every third line after the first few as gaps; confirm half."""
    made = 0
    lines = DemandLine.objects.filter(event__in=events).order_by("event__starts_at", "pk")
    for index, line in enumerate(lines):
        gap = index > 4 and index % 3 == 0
        if gap or line.status != LineStatus.REQUESTED or line.assignments.exists():
            continue
        candidates = Interpreter.objects.filter(
            active=True,
            languages=line.language_id,
            modes__mode=line.mode,
            availability__isnull=False,
        ).distinct()
        for interpreter in candidates.order_by("pk"):
            try:
                assignment = assignment_services.assign(
                    line_id=line.pk, interpreter_id=interpreter.pk, by=coordinator
                )
            except DomainError:
                continue
            if made % 2 == 0:
                assignment_services.confirm(assignment_id=assignment.pk)
            made += 1
            break
    return made


def seed(stdout) -> None:
    _roster()
    events = _events()
    if not events:
        stdout.write("  interpretation: roster only (no upcoming events)")
        return
    coordinator = User.objects.get(email="coordinator@demo.opendoors.nyc")
    cbo = User.objects.get(email="cbo@demo.opendoors.nyc")
    la_union = Organization.objects.filter(memberships__user=cbo).first()
    for index, language, mode, people, who in REQUESTS:
        if index < len(events):
            by, org = (cbo, la_union) if who == "cbo" else (coordinator, None)
            _request(events[index], language, mode, people, by, org)
    if LONG_LEAD_SESSION < len(events):
        event = events[LONG_LEAD_SESSION]
        if event.interpretation_lead_days != 250:
            update_event(event_id=event.pk, interpretation_lead_days=250)
        for language, mode, people in LATE_REQUESTS:
            _request(event, language, mode, people, coordinator)
    made = _assign_some(events, coordinator)
    if not Assignment.objects.filter(status__in=ACTIVE_ASSIGNMENT).exists():
        stdout.write("  interpretation: no assignments could be made")
    lines = DemandLine.objects.filter(event__in=events).exclude(status=LineStatus.CANCELLED)
    stdout.write(
        f"  interpretation: {Interpreter.objects.count()} interpreters, {lines.count()} lines, "
        f"{made} new assignments, {lines.filter(late=True).count()} late lines"
    )
