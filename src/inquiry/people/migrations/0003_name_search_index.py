"""Index the searchable forms of person names (FTS5 trigram on SQLite, pg_trgm on PostgreSQL)."""

from django.db import migrations


def install(apps, schema_editor):
    from inquiry.people.search import name_index_install

    name_index_install()


def remove(apps, schema_editor):
    from inquiry.people.search import name_index_remove

    name_index_remove()


class Migration(migrations.Migration):
    dependencies = [("people", "0002_linkage")]
    operations = [migrations.RunPython(install, remove)]
