"""Rebuild the event search index with end marks, so that two-character terms use it (SQLite)."""

from django.db import migrations


def reinstall(apps, schema_editor):
    from inquiry.cases.event_search import event_index_install, event_index_remove

    event_index_remove()
    event_index_install()


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_store_version")]
    operations = [migrations.RunPython(reinstall, reinstall)]
