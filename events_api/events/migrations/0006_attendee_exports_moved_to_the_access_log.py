"""The attendee-export audit now lives in the access log (audit 0002 copied its rows)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_registration_check_in_key"),
        ("audit", "0002_attendee_exports_into_the_log"),
    ]

    operations = [
        migrations.DeleteModel(
            name="AttendeeExport",
        ),
    ]
