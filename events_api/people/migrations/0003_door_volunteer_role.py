from django.db import migrations


def add_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="door_volunteer")


class Migration(migrations.Migration):
    dependencies = [("people", "0002_catalogue")]

    operations = [migrations.RunPython(add_role, migrations.RunPython.noop)]
