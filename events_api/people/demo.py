"""Demo people and places. Passwords are documented in the README; they are for a local
demo only and every demo account can also sign in by emailed code."""

from django.contrib.auth.models import Group

from events_api.people.models import (
    Channel,
    Language,
    Organization,
    OrganizationMembership,
    School,
    User,
)
from events_api.people.roles import Role

ORDER = 10
DEMO_PASSWORD = "open-doors-demo"  # noqa: S105 - documented demo credential

SCHOOLS = [
    # dbn, name, district, address
    ("15K136", "I.S. 136 Charles O. Dewey", 15, "4004 4th Avenue, Brooklyn, NY 11232"),
    ("15K172", "P.S. 172 Beacon School of Excellence", 15, "825 4th Avenue, Brooklyn, NY 11232"),
    ("20K105", "P.S. 105 The Blythebourne", 20, "1031 59th Street, Brooklyn, NY 11219"),
    ("21K100", "P.S. 100 The Coney Island School", 21, "2951 West 3rd Street, Brooklyn, NY 11224"),
    (
        "17K189",
        "P.S. 189 The Bilingual Center",
        17,
        "1100 East New York Avenue, Brooklyn, NY 11212",
    ),
    ("02M001", "P.S. 1 Alfred E. Smith", 2, "8 Henry Street, New York, NY 10038"),
    ("01M134", "P.S. 134 Henrietta Szold", 1, "293 East Broadway, New York, NY 10002"),
    ("06M187", "P.S. 187 Hudson Cliffs", 6, "349 Cabrini Boulevard, New York, NY 10040"),
    ("04M083", "P.S. 83 Luis Munoz Rivera", 4, "219 East 109th Street, New York, NY 10029"),
    ("09X073", "P.S. 73 Bronx", 9, "1020 Anderson Avenue, Bronx, NY 10452"),
    ("10X033", "P.S. 33 Timothy Dwight", 10, "2424 Jerome Avenue, Bronx, NY 10468"),
    ("12X061", "P.S. 61 Francisco Oller", 12, "1550 Crotona Park East, Bronx, NY 10460"),
    ("08X130", "P.S. 130 Abram Stevens Hewitt", 8, "750 Prospect Avenue, Bronx, NY 10455"),
    ("24Q019", "P.S. 19 Marino Jeantet", 24, "98-02 Roosevelt Avenue, Queens, NY 11368"),
    ("30Q069", "P.S. 69 Jackson Heights", 30, "77-02 37th Avenue, Queens, NY 11372"),
    ("25Q020", "P.S. 20 John Bowne", 25, "142-30 Barclay Avenue, Queens, NY 11355"),
    ("28Q099", "P.S. 99 Kew Gardens", 28, "82-37 Kew Gardens Road, Queens, NY 11415"),
    ("29Q034", "P.S. 34 John Harvard", 29, "104-12 Springfield Boulevard, Queens, NY 11429"),
    ("31R020", "P.S. 20 Port Richmond", 31, "161 Park Avenue, Staten Island, NY 10302"),
    ("31R044", "P.S. 44 Thomas C. Brown", 31, "80 Maple Parkway, Staten Island, NY 10303"),
    ("31R057", "P.S. 57 Hubert H. Humphrey", 31, "140 Palma Drive, Staten Island, NY 10304"),
]

# The organisations that wrote the report with Advocates for Children.
ORGANIZATIONS = [
    (
        "Advocates for Children of New York",
        "AFC",
        ["M", "X", "K", "Q", "R"],
        ["en", "es", "zh-hans", "bn", "ar"],
        "info@afc.example.org",
        "+12129474779",
    ),
    (
        "Chinese Progressive Association",
        "CPA",
        ["M", "K"],
        ["en", "zh-hans", "yue", "cmn"],
        "info@cpa.example.org",
        "+12122740785",
    ),
    (
        "Coalition for Asian American Children and Families",
        "CACF",
        ["M", "K", "Q"],
        ["en", "zh-hans", "ko", "bn", "ur", "tl"],
        "info@cacf.example.org",
        "+12128091990",
    ),
    (
        "Filipino American Human Services, Inc.",
        "FAHSI",
        ["Q"],
        ["en", "tl"],
        "info@fahsi.example.org",
        "+17188834400",
    ),
    (
        "Haitian Americans United for Progress",
        "HAUP",
        ["Q", "K"],
        ["en", "ht", "fr"],
        "info@haup.example.org",
        "+17185273500",
    ),
    (
        "La Union (Fifth Avenue Committee)",
        "La Union",
        ["K"],
        ["en", "es", "mix", "quc"],
        "info@launion.example.org",
        "+17182375430",
    ),
    (
        "Lutheran Family Health Centers",
        "LFHC",
        ["K"],
        ["en", "es", "zh-hans", "ar", "ru"],
        "info@lfhc.example.org",
        "+17186308000",
    ),
    (
        "Metropolitan Russian American Parents Association",
        "MRAPA",
        ["K", "R"],
        ["en", "ru", "uk"],
        "info@mrapa.example.org",
        "+17183320500",
    ),
]

ACCOUNTS = [
    # email, display name, language, roles, organisation short name
    ("organiser@demo.opendoors.nyc", "Grace Organiser", "en", [Role.ORGANISER], None),
    # A second organiser who organises nothing of the first's (the summit is not theirs).
    ("organiser2@demo.opendoors.nyc", "Tomás Organiser", "es", [Role.ORGANISER], None),
    (
        "coordinator@demo.opendoors.nyc",
        "Ana Coordinator",
        "es",
        [Role.INTERPRETER_COORDINATOR],
        None,
    ),
    ("cbo@demo.opendoors.nyc", "Rosa (La Union)", "es", [Role.CBO_STAFF], "La Union"),
    ("cpa@demo.opendoors.nyc", "Wei (CPA)", "zh-hans", [Role.CBO_STAFF], "CPA"),
    ("parent@demo.opendoors.nyc", "Farida Rahman", "bn", [], None),
    ("parent2@demo.opendoors.nyc", "Carla Trujillo", "es", [], None),
    ("door@demo.opendoors.nyc", "Kofi (door volunteer)", "en", [Role.DOOR_VOLUNTEER], None),
]


def seed(stdout) -> None:
    from events_api.people.models import Borough

    for dbn, name, district, address in SCHOOLS:
        School.objects.update_or_create(
            dbn=dbn,
            defaults={
                "name": name,
                "district": district,
                "address": address,
                "borough": Borough.objects.get(code=dbn[2]),
            },
        )
    organizations = {}
    for name, short, boroughs, languages, email, phone in ORGANIZATIONS:
        org, _ = Organization.objects.update_or_create(
            name=name,
            defaults={"short_name": short, "contact_email": email, "contact_phone": phone},
        )
        org.boroughs.set(boroughs)
        org.languages.set(Language.objects.filter(code__in=languages))
        organizations[short] = org
    for email, display_name, language, roles, org_short in ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "display_name": display_name,
                "preferred_language_id": language,
                "preferred_channel": Channel.EMAIL,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.set(Group.objects.filter(name__in=[str(role) for role in roles]))
        if org_short:
            OrganizationMembership.objects.get_or_create(
                user=user, organization=organizations[org_short]
            )
    stdout.write(
        f"  {len(SCHOOLS)} schools, {len(ORGANIZATIONS)} organisations, {len(ACCOUNTS)} accounts"
    )
