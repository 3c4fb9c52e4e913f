"""Demo phone-call lists: families who asked to be called (in Bangla, Spanish, Arabic and
Urdu, one of them registered by La Union) at the 2027 summit's opening plenary, and three
members of the I.S. 136 welcoming committee who prefer calls (one with no number), so that
the organiser's, La Union's and the committee chair's call lists are not empty.
Idempotent."""

from committees.models import Committee, CommitteeKind, Membership
from committees.services import committees as committee_services
from events_api.events.models import Event, Registration
from events_api.events.services import registration as registration_services
from events_api.people.models import Channel, Organization, User

ORDER = 50
DOMAIN = "demo.opendoors.nyc"
PLENARY = "Opening plenary: Our Children, Our Schools"

# name, phone, language, adults, children, by La Union
FAMILIES = [
    ("Rokeya Begum", "+17185550131", "bn", 1, 2, False),
    ("Maribel Quispe", "+17185550132", "es", 2, 1, False),
    ("Josefina Morales", "+17185550133", "es", 1, 0, True),
    ("Fatima Al-Sayed", "+17185550134", "ar", 1, 1, False),
    ("Imran Qureshi", "+17185550135", "ur", 1, 0, False),
]
# email prefix, name, language, phone
MEMBERS = [
    ("caller.bn", "Shahana Akter", "bn", "+17185550136"),
    ("caller.es", "Teresa Flores", "es", "+17185550137"),
    # Chose calls but left no number in her profile: listed apart, so nobody is lost.
    ("caller.ar", "Huda Nasser", "ar", ""),
]


def seed(stdout) -> None:
    made = _families() + _members()
    stdout.write(f"  {made} new people on the phone-call lists")


def _families() -> int:
    event = Event.objects.filter(title__en=PLENARY).first()
    if event is None:
        return 0
    staff = User.objects.get(email=f"cbo@{DOMAIN}")
    la_union = Organization.objects.get(short_name="La Union")
    made = 0
    for name, phone, language, adults, children, by_cbo in FAMILIES:
        if Registration.objects.filter(event=event, name=name).exists():
            continue
        proxy = None
        if by_cbo:
            proxy = registration_services.Proxy(by=staff, organization=la_union, consent=True)
        registration_services.register(
            event_id=event.pk,
            contact=registration_services.Contact(
                name=name, phone=phone, channel=Channel.PHONE_CALL
            ),
            party=registration_services.Party(adults=adults, children=children),
            needs=registration_services.Needs(preferred_language=language),
            proxy=proxy,
        )
        made += 1
    return made


def _members() -> int:
    committee = Committee.objects.filter(kind=CommitteeKind.WELCOMING, school__dbn="15K136").first()
    if committee is None:
        return 0
    made = 0
    for prefix, name, language, phone in MEMBERS:
        # No password: these members do not sign in, they are called.
        user = User.objects.filter(email=f"{prefix}@{DOMAIN}").first()
        if user is None:
            user = User.objects.create_user(
                f"{prefix}@{DOMAIN}",
                display_name=name,
                preferred_language_id=language,
                preferred_channel=Channel.PHONE_CALL,
                phone=phone,
            )
        if not Membership.objects.filter(committee=committee, user=user).exists():
            committee_services.add_member(committee=committee, user=user, role="parent")
            made += 1
    return made
