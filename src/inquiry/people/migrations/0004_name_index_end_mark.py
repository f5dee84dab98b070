"""Rebuild the name search index with end marks, so that two-character terms use it (SQLite)."""

from django.db import migrations


def reinstall(apps, schema_editor):
    from inquiry.people.search import name_index_install, name_index_remove

    name_index_remove()
    name_index_install()


class Migration(migrations.Migration):
    dependencies = [("people", "0003_name_search_index")]
    operations = [migrations.RunPython(reinstall, reinstall)]
