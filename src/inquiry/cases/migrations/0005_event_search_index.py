"""Index event titles and descriptions for substring search (FTS5 trigram / pg_trgm)."""

from django.db import migrations


def install(apps, schema_editor):
    from inquiry.cases.event_search import event_index_install

    event_index_install()


def remove(apps, schema_editor):
    from inquiry.cases.event_search import event_index_remove

    event_index_remove()


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_search_index_upgrade")]
    operations = [migrations.RunPython(install, remove)]
