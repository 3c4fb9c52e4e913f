"""Seed the language catalogue, the five boroughs and the platform roles.

The data is written out here (not imported from app code) so this migration means the same
thing forever. Codes are ISO 639-1 where one exists, else ISO 639-3; ``zh-hans`` matches
Django's UI code for Simplified Chinese."""

from django.db import migrations

UI = [
    ("en", "English", "English", "ltr"),
    ("sq", "Albanian", "Shqip", "ltr"),
    ("ar", "Arabic", "العربية", "rtl"),
    ("bn", "Bangla", "বাংলা", "ltr"),
    ("zh-hans", "Chinese (Simplified)", "简体中文", "ltr"),
    ("fr", "French", "Français", "ltr"),
    ("ht", "Haitian Creole", "Kreyòl ayisyen", "ltr"),
    ("ko", "Korean", "한국어", "ltr"),
    ("ru", "Russian", "Русский", "ltr"),
    ("es", "Spanish", "Español", "ltr"),
    ("uk", "Ukrainian", "Українська", "ltr"),
    ("ur", "Urdu", "اردو", "rtl"),
    ("uz", "Uzbek", "Oʻzbekcha", "ltr"),
]
OTHERS = [
    ("pl", "Polish", "Polski", "ltr", False),
    ("ase", "American Sign Language", "American Sign Language", "ltr", True),
    ("yue", "Cantonese", "廣東話", "ltr", False),
    ("cmn", "Mandarin", "普通话", "ltr", False),
    ("zh-hant", "Chinese (Traditional)", "繁體中文", "ltr", False),
    ("tl", "Tagalog", "Tagalog", "ltr", False),
    ("hi", "Hindi", "हिन्दी", "ltr", False),
    ("pa", "Punjabi", "ਪੰਜਾਬੀ", "ltr", False),
    ("ne", "Nepali", "नेपाली", "ltr", False),
    ("bo", "Tibetan", "བོད་སྐད་", "ltr", False),
    ("vi", "Vietnamese", "Tiếng Việt", "ltr", False),
    ("ja", "Japanese", "日本語", "ltr", False),
    ("pt", "Portuguese", "Português", "ltr", False),
    ("el", "Greek", "Ελληνικά", "ltr", False),
    ("it", "Italian", "Italiano", "ltr", False),
    ("he", "Hebrew", "עברית", "rtl", False),
    ("yi", "Yiddish", "ייִדיש", "rtl", False),
    ("fa", "Persian (Farsi)", "فارسی", "rtl", False),
    ("ps", "Pashto", "پښتو", "rtl", False),
    ("tr", "Turkish", "Türkçe", "ltr", False),
    ("ka", "Georgian", "ქართული", "ltr", False),
    ("wo", "Wolof", "Wolof", "ltr", False),
    ("ff", "Fulani (Pular)", "Pulaar", "ltr", False),
    ("mnk", "Mandinka", "Mandinka", "ltr", False),
    ("snk", "Soninke", "Sooninkanxanne", "ltr", False),
    ("tw", "Twi", "Twi", "ltr", False),
    ("sw", "Swahili", "Kiswahili", "ltr", False),
    ("so", "Somali", "Soomaali", "ltr", False),
    ("am", "Amharic", "አማርኛ", "ltr", False),
    ("ti", "Tigrinya", "ትግርኛ", "ltr", False),
    ("my", "Burmese", "မြန်မာဘာသာ", "ltr", False),
    ("quc", "K'iche'", "K'iche'", "ltr", False),
    ("mix", "Mixtec", "Tu'un savi", "ltr", False),
    ("qu", "Quechua", "Runa Simi", "ltr", False),
    ("cab", "Garifuna", "Garífuna", "ltr", False),
]
BOROUGHS = [
    ("M", "Manhattan"),
    ("X", "Bronx"),
    ("K", "Brooklyn"),
    ("Q", "Queens"),
    ("R", "Staten Island"),
]
ROLES = ["organiser", "interpreter_coordinator", "cbo_staff"]


def seed(apps, schema_editor):
    Language = apps.get_model("people", "Language")
    Borough = apps.get_model("people", "Borough")
    Group = apps.get_model("auth", "Group")
    for code, name_en, native, direction in UI:
        Language.objects.update_or_create(
            code=code,
            defaults={
                "name_en": name_en,
                "native_name": native,
                "direction": direction,
                "is_ui_language": True,
                "is_signed": False,
            },
        )
    for code, name_en, native, direction, signed in OTHERS:
        Language.objects.update_or_create(
            code=code,
            defaults={
                "name_en": name_en,
                "native_name": native,
                "direction": direction,
                "is_ui_language": False,
                "is_signed": signed,
            },
        )
    for code, name in BOROUGHS:
        Borough.objects.update_or_create(code=code, defaults={"name": name})
    for name in ROLES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
