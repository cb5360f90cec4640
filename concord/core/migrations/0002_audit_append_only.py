from __future__ import annotations

from django.db import migrations

from concord.core.audit_guard import install_guard, remove_guard

GENESIS = "0" * 64


def forwards(apps, schema_editor):
    apps.get_model("core", "AuditHead").objects.get_or_create(
        pk=1, defaults={"seq": 0, "hash": GENESIS}
    )
    install_guard(schema_editor.connection)


def backwards(apps, schema_editor):
    remove_guard(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
