"""Bigram indexes for two-character terms, and GIN indexes without a pending list (PostgreSQL).

Both install functions are idempotent; on SQLite they would only rebuild
indexes that are already right, so they are not run there.
"""

from django.db import migrations


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from inquiry.cases.event_search import event_index_install
    from inquiry.cases.search import search_index_install

    search_index_install()
    event_index_install()


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_event_index_end_mark")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
