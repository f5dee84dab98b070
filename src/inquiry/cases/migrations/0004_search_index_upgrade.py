"""Bring an existing database's source search index up to the current definition (idempotent)."""

from django.db import migrations


def install(apps, schema_editor):
    from inquiry.cases.search import search_index_install

    search_index_install()


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_link_elements")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
