"""Demo committees: parent welcoming committees at three schools, a multicultural advisory
committee, the citywide advisory committee; members with roles, a monthly series (second
Tuesday, 18:00 New York time) with agendas, attendance and approved minutes in English and
Spanish."""

from datetime import date, time, timedelta

from django.utils import timezone

from committees.models import (
    AgendaItem,
    Attendance,
    Committee,
    CommitteeKind,
    Meeting,
    MeetingSeries,
    Membership,
    Minutes,
    MinutesStatus,
    Visibility,
)
from committees.services import committees as services
from committees.services import meetings as meeting_services
from committees.services import occurrences
from committees.services import series as series_services
from events_api.people.demo import DEMO_PASSWORD
from events_api.people.models import Channel, Organization, School, User

ORDER = 30
DEMO_DOMAIN = "demo.opendoors.nyc"

# dbn, name, description, languages
WELCOMING = [
    (
        "15K136",
        {
            "en": "I.S. 136 parent welcoming committee",
            "es": "Comité de bienvenida de padres de I.S. 136",
            "zh-hans": "I.S. 136 家长欢迎委员会",
        },
        ["en", "es", "zh-hans", "ar"],
    ),
    (
        "24Q019",
        {
            "en": "P.S. 19 parent welcoming committee",
            "es": "Comité de bienvenida de padres de P.S. 19",
            "bn": "পি.এস. ১৯ অভিভাবক স্বাগত কমিটি",
        },
        ["en", "es", "bn"],
    ),
    (
        "09X073",
        {
            "en": "P.S. 73 parent welcoming committee",
            "es": "Comité de bienvenida de padres de P.S. 73",
            "fr": "Comité d'accueil des parents de P.S. 73",
        },
        ["en", "es", "fr"],
    ),
]

# Extra demo members: email prefix, display name, language
MEMBERS = [
    ("staff.is136", "Mr. Daniel Ortiz (parent coordinator)", "es"),
    ("parent3", "Mei Lin", "zh-hans"),
    ("parent4", "Yusuf Haddad", "ar"),
    ("parent5", "Nasrin Akter", "bn"),
]

AGENDA = [
    ({"en": "Welcome and introductions", "es": "Bienvenida y presentaciones"}, "Chair", 10),
    (
        {"en": "Interpreters at parent-teacher conferences", "es": "Intérpretes en las reuniones"},
        "Parent coordinator",
        20,
    ),
    ({"en": "Welcome packet for new families", "es": "Paquete de bienvenida"}, "Secretary", 20),
    ({"en": "Questions from parents", "es": "Preguntas de los padres"}, "", 15),
]

MINUTES = {
    "en": "Twelve parents and the parent coordinator met. The committee agreed to ask for "
    "Spanish, Chinese and Arabic interpreters at every parent-teacher conference and to "
    "translate the welcome packet.",
    "es": "Se reunieron doce padres y el coordinador de padres. El comité acordó pedir "
    "intérpretes de español, chino y árabe en cada reunión de padres y maestros y traducir "
    "el paquete de bienvenida.",
}


def _user(prefix: str, name: str, language: str) -> User:
    user, created = User.objects.get_or_create(
        email=f"{prefix}@{DEMO_DOMAIN}",
        defaults={
            "display_name": name,
            "preferred_language_id": language,
            "preferred_channel": Channel.EMAIL,
        },
    )
    if created or not user.has_usable_password():
        # Like every demo account (see the README): the chair and members can sign in.
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _committee(*, by, chair, kind, school, name, languages, **fields) -> Committee:
    existing = Committee.objects.filter(kind=kind, school=school, name__en=name["en"]).first()
    if existing is not None:
        return existing
    return services.create_committee(
        by=by, chair=chair, kind=kind, school=school, name=name, languages=languages, **fields
    )


def _member(committee: Committee, user: User, role: str, **fields) -> Membership:
    membership = Membership.objects.filter(committee=committee, user=user).first()
    return membership or services.add_member(committee=committee, user=user, role=role, **fields)


def _one_meeting(committee: Committee, *, in_days: int, hours: float, **fields) -> None:
    """A one-off meeting ``in_days`` from now at 22:00 UTC, unless the committee has one."""
    if Meeting.objects.filter(committee=committee).exists():
        return
    starts = timezone.now().replace(hour=22, minute=0, second=0, microsecond=0)
    starts += timedelta(days=in_days)
    meeting_services.create_meeting(
        committee=committee, starts_at=starts, ends_at=starts + timedelta(hours=hours), **fields
    )


def _monthly_series(committee: Committee) -> MeetingSeries:
    title = {"en": "Monthly committee meeting", "es": "Reunión mensual del comité"}
    existing = MeetingSeries.objects.filter(committee=committee, title__en=title["en"]).first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    month = today.month - 3
    year = today.year + (month - 1) // 12
    start = date(year, (month - 1) % 12 + 1, 1)
    return series_services.create_series(
        committee=committee,
        title=title,
        description={
            "en": "Open to all parents. Interpretation on request.",
            "es": "Abierta a todos los padres. Interpretación a pedido.",
        },
        rrule="FREQ=MONTHLY;BYDAY=2TU;COUNT=15",
        start_date=start,
        start_time=time(18, 0),
        duration_minutes=90,
        timezone="America/New_York",
        room="Library",
        languages=["en", "es", "zh-hans", "ar"],
    )


def _agenda(meeting: Meeting) -> None:
    if AgendaItem.objects.filter(meeting=meeting).exists():
        return
    for position, (title, presenter, minutes) in enumerate(AGENDA, start=1):
        meeting_services.add_agenda_item(
            meeting=meeting, title=title, presenter=presenter, minutes=minutes, position=position
        )
    if not meeting.agenda_published:
        occurrences.update_meeting(meeting=meeting, agenda_published=True)


def seed(stdout) -> None:
    organiser = User.objects.get(email=f"organiser@{DEMO_DOMAIN}")
    farida = User.objects.get(email=f"parent@{DEMO_DOMAIN}")
    carla = User.objects.get(email=f"parent2@{DEMO_DOMAIN}")
    rosa = User.objects.get(email=f"cbo@{DEMO_DOMAIN}")
    wei = User.objects.get(email=f"cpa@{DEMO_DOMAIN}")
    extra = {prefix: _user(prefix, name, language) for prefix, name, language in MEMBERS}
    la_union = Organization.objects.get(short_name="La Union")
    cpa = Organization.objects.get(short_name="CPA")

    welcoming = []
    for dbn, name, languages in WELCOMING:
        welcoming.append(
            _committee(
                by=organiser,
                chair=farida if dbn == "15K136" else organiser,
                kind=CommitteeKind.WELCOMING,
                school=School.objects.get(dbn=dbn),
                name=name,
                description={
                    "en": "Parents welcoming parents: tours, interpreters, a welcome packet.",
                    "es": "Padres que reciben a padres: visitas, intérpretes, un paquete.",
                },
                languages=languages,
            )
        )
    is136 = welcoming[0]
    _member(is136, carla, "secretary", show_publicly=True)
    _member(is136, extra["staff.is136"], "school_staff", voting=False, show_publicly=True)
    _member(is136, rosa, "cbo_representative", organization=la_union)
    _member(is136, extra["parent3"], "parent")
    _member(is136, extra["parent4"], "parent", show_publicly=True)
    Membership.objects.filter(committee=is136, user=farida).update(show_publicly=True)

    multicultural = _committee(
        by=organiser,
        chair=extra["parent5"],
        kind=CommitteeKind.MULTICULTURAL,
        school=School.objects.get(dbn="25Q020"),
        name={
            "en": "P.S. 20 multicultural advisory committee",
            "zh-hans": "P.S. 20 多元文化咨询委员会",
        },
        languages=["en", "zh-hans", "ko", "bn"],
        visibility=Visibility.MEMBERS,
    )
    _member(multicultural, wei, "cbo_representative", organization=cpa)
    _member(multicultural, farida, "parent")
    _member(multicultural, extra["parent3"], "parent")
    # A members-only meeting: only the committee's members see it.
    _one_meeting(
        multicultural,
        in_days=20,
        hours=1.5,
        title={"en": "Planning the multicultural night", "zh-hans": "筹备多元文化之夜"},
        languages=["en", "zh-hans"],
    )

    citywide = _committee(
        by=organiser,
        chair=organiser,
        kind=CommitteeKind.CITYWIDE,
        school=None,
        name={
            "en": "Citywide advisory committee on family-school-community partnerships",
            "es": "Comité asesor de la ciudad sobre alianzas entre familias, escuelas y "
            "comunidades",
        },
        languages=["en", "es", "zh-hans", "bn", "ar", "ht", "ru"],
        notice_days=14,
    )
    for user, role, org in (
        (rosa, "cbo_representative", la_union),
        (wei, "cbo_representative", cpa),
        (farida, "parent", None),
        (carla, "co_chair", None),
    ):
        _member(citywide, user, role, organization=org, show_publicly=True)
    _one_meeting(
        citywide,
        in_days=45,
        hours=2,
        title={"en": "Quarterly citywide meeting", "es": "Reunión trimestral de la ciudad"},
        address="52 Chambers Street, New York, NY 10007",
        online_url="https://meet.example.org/citywide-advisory",
        languages=["en", "es", "zh-hans", "bn"],
    )

    series = _monthly_series(is136)
    # Members since the start of the school year, so they count at the series' past meetings.
    school_year = date(series.start_date.year - (series.start_date.month < 9), 9, 1)
    Membership.objects.filter(
        committee__in=[*welcoming, multicultural, citywide], term_start__gt=school_year
    ).update(term_start=school_year)
    now = timezone.now()
    meetings = list(
        Meeting.objects.filter(series=series).select_related("event").order_by("original_start")
    )
    past = [m for m in meetings if m.event.ends_at < now]
    upcoming = [m for m in meetings if m.event.starts_at > now]
    if upcoming:
        _agenda(upcoming[0])
    if past:
        last = past[-1]
        _agenda(last)
        if not Attendance.objects.filter(meeting=last).exists():
            members = list(Membership.objects.filter(committee=is136).order_by("id"))
            records = [
                (m.pk, "absent" if m.user_id == extra["parent3"].pk else "present") for m in members
            ]
            meeting_services.record_attendance(meeting=last, records=records, guests=7)
        minutes = Minutes.objects.filter(meeting=last).first()
        if minutes is None:
            meeting_services.save_minutes(meeting=last, text=MINUTES)
        if minutes is None or minutes.status != MinutesStatus.APPROVED:
            meeting_services.approve_minutes(meeting=last, by=farida)
    stdout.write(
        f"  {Committee.objects.count()} committees, "
        f"{Membership.objects.count()} memberships, {len(meetings)} meetings in the monthly series"
    )
