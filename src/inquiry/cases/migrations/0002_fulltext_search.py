"""Full-text search over sources: FTS5 trigram index on SQLite, pg_trgm GIN index on PostgreSQL.

The SQL lives in inquiry.cases.search so that a later migration that rebuilds cases_source on
SQLite (which drops its triggers) can re-install the same index with search_index_install().
"""

from django.db import migrations

from inquiry.cases.search import install_statements, remove_statements


def forwards(apps, schema_editor):
    for sql in install_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    for sql in remove_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
