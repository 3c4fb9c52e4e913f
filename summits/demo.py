"""The 2027 Immigrant Planning Summit: two days, three tracks, about twenty sessions in
several languages, with some registrations (a few through a CBO, one full session with a
waitlist)."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from events_api.events.models import Registration
from events_api.events.services import registration as registration_services
from events_api.people.models import Organization, School, User
from summits import services
from summits.models import Room, Session, Summit, Track

ORDER = 20
ZONE = ZoneInfo("America/New_York")

TRACKS = [
    (
        {
            "en": "Family rights and safe schools",
            "es": "Derechos de la familia y escuelas seguras",
            "zh-hans": "家庭权利与安全学校",
        },
        "#b5179e",
    ),
    ({"en": "Parent leadership", "es": "Liderazgo de padres", "bn": "অভিভাবক নেতৃত্ব"}, "#1f6feb"),
    (
        {
            "en": "Schools and community organisations",
            "es": "Escuelas y organizaciones",
            "ht": "Lekòl ak òganizasyon kominotè",
        },
        "#2a9d8f",
    ),
]
ROOMS = [
    ("Auditorium", 250),
    ("Library", 60),
    ("Room 101", 35),
    ("Room 102", 35),
    ("Cafeteria", 120),
]

# title translations, track index, room, day (0/1), start hour, languages, hosts (short names)
SESSIONS = [
    (
        {
            "en": "Opening plenary: Our Children, Our Schools",
            "es": "Plenaria de apertura: Nuestros hijos, nuestras escuelas",
        },
        0,
        "Auditorium",
        0,
        9,
        ["en", "es", "zh-hans", "bn"],
        ["AFC"],
    ),
    (
        {
            "en": "Getting into your child's school without formal ID",
            "es": "Entrar a la escuela de su hijo sin identificación oficial",
        },
        0,
        "Library",
        0,
        10,
        ["en", "es"],
        ["La Union"],
    ),
    (
        {
            "en": "The school system is a safe zone: what that means",
            "ar": "النظام المدرسي منطقة آمنة: ماذا يعني ذلك",
        },
        0,
        "Room 101",
        0,
        10,
        ["en", "ar"],
        ["AFC"],
    ),
    (
        {"en": "Your right to an interpreter", "bn": "দোভাষীর অধিকার আপনার"},
        0,
        "Room 102",
        0,
        11,
        ["en", "bn", "ur"],
        ["CACF"],
    ),
    (
        {
            "en": "Special education services for English language learners",
            "zh-hans": "英语学习者的特殊教育服务",
        },
        0,
        "Library",
        0,
        13,
        ["en", "zh-hans"],
        ["CPA"],
    ),
    (
        {
            "en": "Parent leadership: joining the school leadership team",
            "es": "Liderazgo: formar parte del equipo de liderazgo escolar",
        },
        1,
        "Room 101",
        0,
        13,
        ["en", "es"],
        ["La Union"],
    ),
    (
        {"en": "Starting a parent welcoming committee", "ht": "Kòmanse yon komite akèy paran"},
        1,
        "Room 102",
        0,
        14,
        ["en", "ht", "fr"],
        ["HAUP"],
    ),
    (
        {"en": "Multicultural advisory committees that work", "ru": "Многокультурные комитеты"},
        1,
        "Library",
        0,
        15,
        ["en", "ru", "uk"],
        ["MRAPA"],
    ),
    (
        {
            "en": "High school admissions explained",
            "ko": "고등학교 입학 안내",
            "es": "Admisiones a la escuela secundaria",
        },
        0,
        "Auditorium",
        0,
        15,
        ["en", "ko", "es"],
        ["CACF"],
    ),
    (
        {"en": "Working with community organisations", "sq": "Puna me organizatat komunitare"},
        2,
        "Cafeteria",
        0,
        16,
        ["en", "sq"],
        ["LFHC"],
    ),
    (
        {"en": "Health services at school", "es": "Servicios de salud en la escuela"},
        2,
        "Room 101",
        1,
        9,
        ["en", "es", "zh-hans"],
        ["LFHC"],
    ),
    (
        {
            "en": "Reading with your child in any language",
            "uz": "Farzandingiz bilan istalgan tilda o'qish",
        },
        1,
        "Library",
        1,
        9,
        ["en", "uz", "ru"],
        ["MRAPA"],
    ),
    (
        {"en": "Talking with teachers: parent-teacher conferences", "ur": "اساتذہ سے بات چیت"},
        1,
        "Room 102",
        1,
        10,
        ["en", "ur", "bn"],
        ["CACF"],
    ),
    (
        {"en": "Filipino families in NYC schools", "tl": "Mga pamilyang Pilipino"},
        2,
        "Room 101",
        1,
        10,
        ["en", "tl"],
        ["FAHSI"],
    ),
    (
        {"en": "Adult English classes and GED", "es": "Clases de inglés para adultos"},
        2,
        "Cafeteria",
        1,
        11,
        ["en", "es", "fr"],
        ["La Union"],
    ),
    (
        {
            "en": "Bullying and discrimination: what schools must do",
            "zh-hans": "欺凌与歧视: 学校必须做什么",
        },
        0,
        "Library",
        1,
        11,
        ["en", "zh-hans", "ar"],
        ["CPA"],
    ),
    (
        {"en": "After-school programs and childcare", "ht": "Pwogram apre lekòl ak gadri"},
        2,
        "Room 102",
        1,
        13,
        ["en", "ht"],
        ["HAUP"],
    ),
    (
        {"en": "Immigrant parents as school volunteers", "es": "Padres inmigrantes voluntarios"},
        1,
        "Room 101",
        1,
        13,
        ["en", "es"],
        ["AFC"],
    ),
    (
        {
            "en": "Ukrainian and Russian-speaking families: getting started",
            "uk": "Українські родини: з чого почати",
        },
        0,
        "Library",
        1,
        14,
        ["en", "uk", "ru"],
        ["MRAPA"],
    ),
    (
        {
            "en": "Closing plenary: the citywide advisory committee",
            "es": "Plenaria de cierre: el comité asesor de la ciudad",
        },
        1,
        "Auditorium",
        1,
        15,
        ["en", "es", "bn", "zh-hans", "ar"],
        ["AFC"],
    ),
]

PARENTS = [
    ("Farida Rahman", "+17185550101", "bn", "bn", [6]),
    ("Carla Trujillo", "+17185550102", "es", None, [4, 8]),
    ("Li Wei", "+17185550103", "zh-hans", "zh-hans", []),
    ("Jean-Baptiste Pierre", "+17185550104", "ht", "ht", []),
    ("Olena Kovalenko", "+17185550105", "uk", "uk", [9]),
    ("Amina Haddad", "+17185550106", "ar", "ar", []),
]


def _at(summit: Summit, day: int, hour: int) -> datetime:
    return datetime.combine(summit.starts_on + timedelta(days=day), time(hour), tzinfo=ZONE)


def seed(stdout) -> None:
    organiser = User.objects.get(email="organiser@demo.opendoors.nyc")
    partners = {o.short_name: o for o in Organization.objects.all()}
    summit = Summit.objects.filter(year=2027).first()
    if summit is None:
        summit = services.create_summit(
            by=organiser,
            year=2027,
            title={
                "en": "Immigrant Planning Summit 2027",
                "es": "Cumbre de Planificación para Inmigrantes 2027",
                "zh-hans": "2027年移民规划峰会",
                "bn": "অভিবাসী পরিকল্পনা সম্মেলন ২০২৭",
            },
            theme={
                "en": "Open doors: families, schools and communities together",
                "es": "Puertas abiertas: familias, escuelas y comunidades juntas",
            },
            starts_on=date(2027, 3, 6),
            ends_on=date(2027, 3, 7),
            venue_school=School.objects.filter(dbn="15K136").first(),
            venue_address="4004 4th Avenue, Brooklyn, NY 11232",
            registration_opens_at=timezone.now() - timedelta(days=1),
            registration_closes_at=datetime(2027, 3, 5, 17, tzinfo=ZONE),
            partners=list(partners.values()),
        )
    tracks = []
    for position, (name, color) in enumerate(TRACKS):
        track, _ = Track.objects.get_or_create(
            summit=summit, position=position, defaults={"name": name, "color": color}
        )
        tracks.append(track)
    rooms = {}
    for name, capacity in ROOMS:
        rooms[name], _ = Room.objects.get_or_create(
            summit=summit, name=name, defaults={"capacity": capacity}
        )
    if summit.status != "published":
        summit = services.update_summit(summit=summit, status="published")
    sessions = []
    for title, track, room, day, hour, languages, hosts in SESSIONS:
        session = Session.objects.filter(summit=summit, event__title__en=title["en"]).first()
        if session is None:
            capacity = 6 if title["en"].startswith("Getting into") else None
            session = services.create_session(
                summit=summit,
                title=title,
                description={"en": "Interpretation available on request."},
                starts_at=_at(summit, day, hour),
                ends_at=_at(summit, day, hour) + timedelta(minutes=75),
                languages=languages,
                track=tracks[track],
                room=rooms[room],
                hosts=[partners[h] for h in hosts],
                status="published",
                **({"capacity": capacity} if capacity else {}),
            )
        sessions.append(session)
    made = 0
    la_union = partners["La Union"]
    cbo = User.objects.get(email="cbo@demo.opendoors.nyc")
    for index, session in enumerate(sessions[:8]):
        for name, phone, language, interpreter, childcare in PARENTS[: 2 + index % 5]:
            if Registration.objects.filter(event=session.event, phone=phone).exists():
                continue
            registration_services.register(
                event_id=session.event_id,
                contact=registration_services.Contact(name=name, phone=phone),
                party=registration_services.Party(adults=1, children=len(childcare)),
                needs=registration_services.Needs(
                    preferred_language=language,
                    interpreter_language=interpreter,
                    childcare_ages=childcare,
                ),
            )
            made += 1
    full = sessions[1].event
    for i in range(4):
        name = f"La Union family {i + 1}"
        if Registration.objects.filter(event=full, name=name).exists():
            continue
        registration_services.register(
            event_id=full.pk,
            contact=registration_services.Contact(name=name),
            party=registration_services.Party(adults=1, children=1),
            needs=registration_services.Needs(preferred_language="es", interpreter_language="es"),
            proxy=registration_services.Proxy(by=cbo, organization=la_union, consent=True),
        )
        made += 1
    stdout.write(f"  summit {summit.year}: {len(sessions)} sessions, {made} new registrations")
