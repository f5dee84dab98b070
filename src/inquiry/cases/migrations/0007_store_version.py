"""The store version token that tells server processes their in-memory facet counts are stale."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0006_interview_record'),
    ]

    operations = [
        migrations.CreateModel(
            name='StoreVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token', models.CharField(max_length=32)),
                ('changed_at', models.DateTimeField(auto_now=True)),
            ],
        ),
    ]
