"""The attendee-export audit (events.AttendeeExport) becomes part of the access log: each
export row is copied as a "downloaded" access (a call-list CSV as a call-list download),
keeping who, when, the event, the count and the filters. The events app then drops its
table (events 0006)."""

from django.db import migrations


def copy_exports(apps, schema_editor):
    AttendeeExport = apps.get_model("events", "AttendeeExport")
    AccessRecord = apps.get_model("audit", "AccessRecord")
    rows = []
    for export in AttendeeExport.objects.order_by("pk").iterator():
        filters = dict(export.filters or {})
        calls = filters.get("list") == "calls"
        rows.append(
            AccessRecord(
                at=export.created_at,
                user_id=export.exported_by_id,
                kind="call_list_export" if calls else "registrant_export",
                event_id=export.event_id,
                count=export.row_count,
                filters=filters,
            )
        )
        if len(rows) >= 1000:
            AccessRecord.objects.bulk_create(rows)
            rows = []
    AccessRecord.objects.bulk_create(rows)


def copy_back(apps, schema_editor):
    AttendeeExport = apps.get_model("events", "AttendeeExport")
    AccessRecord = apps.get_model("audit", "AccessRecord")
    Event = apps.get_model("events", "Event")
    existing = set(Event.objects.values_list("pk", flat=True))
    for access in AccessRecord.objects.filter(
        kind__in=["registrant_export", "call_list_export"], event_id__in=existing
    ).iterator():
        AttendeeExport.objects.create(
            event_id=access.event_id,
            exported_by_id=access.user_id,
            row_count=access.count,
            filters=access.filters,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("events", "0005_registration_check_in_key"),
    ]

    operations = [migrations.RunPython(copy_exports, copy_back)]
