"""The public site's initial pages and questions in English, Korean and Japanese (inquiry.publicsite.seed)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from inquiry.publicsite.seed import seed_content

    seed_content(apps.get_model("publicsite", "Page"), apps.get_model("publicsite", "FaqEntry"))


class Migration(migrations.Migration):
    dependencies = [("publicsite", "0001_initial")]

    # Going back leaves the rows; unapplying 0001 drops the tables anyway.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
