"""The structured interview record (Istanbul Protocol sections, interpreter language)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0005_event_search_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='InterviewRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('interpreter_language', models.CharField(blank=True, max_length=8, verbose_name="interpreter's language")),
                ('sections', models.JSONField(blank=True, default=dict, verbose_name='interview sections')),
                ('consistency', models.CharField(blank=True, choices=[('', 'Not assessed'), ('not_consistent', 'Not consistent'), ('consistent', 'Consistent'), ('highly_consistent', 'Highly consistent'), ('typical', 'Typical'), ('diagnostic', 'Diagnostic')], default='', max_length=20, verbose_name='degree of consistency')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('source', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='interview', to='cases.source')),
                ('updated_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
        ),
    ]
