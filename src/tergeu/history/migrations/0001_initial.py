"""The change log moves here from ``provenance``: same table, same entries (state only)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from tergeu.migrating import content_types_mover, content_types_mover_back

MOVED = ("changeentry",)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("provenance", "0002_importedlist_one_per_person"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='ChangeEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.CharField(max_length=64)),
                        ('object_repr', models.CharField(max_length=200)),
                        ('action', models.CharField(choices=[('create', 'created'), ('update', 'changed'), ('delete', 'deleted'), ('import', 'imported')], max_length=8)),
                        ('before', models.JSONField(blank=True, null=True)),
                        ('after', models.JSONField(blank=True, null=True)),
                        ('actor', models.CharField(max_length=150, verbose_name='by')),
                        ('at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='at')),
                        ('reason', models.CharField(blank=True, max_length=500, verbose_name='reason')),
                        ('object_type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='contenttypes.contenttype')),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'provenance_changeentry',
                        'verbose_name_plural': 'change history',
                        'ordering': ['-at', '-id'],
                        'indexes': [models.Index(fields=['object_type', 'object_id'], name='change_object')],
                    },
                ),
            ],
        ),
        migrations.RunPython(content_types_mover("provenance", "history", MOVED),
                             content_types_mover_back("provenance", "history", MOVED)),
    ]
