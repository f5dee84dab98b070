"""A bigram index on names for two-character terms, and no GIN pending list (PostgreSQL).

The install function is idempotent; on SQLite it would only rebuild an
index that is already right, so it is not run there.
"""

from django.db import migrations


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from inquiry.people.search import name_index_install

    name_index_install()


class Migration(migrations.Migration):
    dependencies = [("people", "0004_name_index_end_mark")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
