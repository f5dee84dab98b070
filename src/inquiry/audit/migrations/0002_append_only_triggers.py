"""Refuse UPDATE, DELETE and TRUNCATE on the audit table at the database level."""

from django.db import migrations

from inquiry.audit.migrations import _triggers


def forwards(apps, schema_editor):
    for sql in _triggers.statements(schema_editor.connection.vendor, enabled=True):
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    for sql in _triggers.statements(schema_editor.connection.vendor, enabled=False):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
