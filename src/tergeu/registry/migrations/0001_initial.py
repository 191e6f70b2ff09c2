"""Imported lists and their records move here from ``provenance``: same tables, same rows (state only)."""

import django.db.models.deletion
from django.db import migrations, models

from tergeu.migrating import content_types_mover, content_types_mover_back

MOVED = ("importedlist", "record")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("provenance", "0002_importedlist_one_per_person"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='ImportedList',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, unique=True, verbose_name='list name')),
                        ('file_name', models.CharField(max_length=500, verbose_name='file name')),
                        ('file_format', models.CharField(max_length=8, verbose_name='format')),
                        ('encoding', models.CharField(blank=True, max_length=32, verbose_name='encoding')),
                        ('sha256', models.CharField(max_length=64, unique=True, verbose_name='SHA-256')),
                        ('column_map', models.JSONField(default=dict, verbose_name='column map')),
                        ('row_count', models.PositiveIntegerField(default=0, verbose_name='rows')),
                        ('default_confidence', models.CharField(choices=[('low', 'Low'), ('medium', 'Medium'), ('high', 'High')], default='medium', help_text='until a reviewer assesses a fact on its own (then a Claim holds the assessment)', max_length=8, verbose_name='confidence of its facts')),
                        ('default_status', models.CharField(choices=[('confirmed', 'Confirmed'), ('pending', 'Pending'), ('unconfirmed', 'Unconfirmed')], default='pending', max_length=12, verbose_name='status of its facts')),
                        ('one_per_person', models.BooleanField(default=False, help_text='a list known to have no duplicates: linkage never puts two of its records in one person', verbose_name='names each person once')),
                        ('shared_with_mission', models.BooleanField(default=False, help_text='the expert-mission role sees only lists shared with it', verbose_name='shared with the expert mission')),
                        ('report', models.JSONField(default=dict, verbose_name='import report')),
                        ('imported_by', models.CharField(max_length=150, verbose_name='imported by')),
                        ('imported_at', models.DateTimeField(auto_now_add=True, verbose_name='imported at')),
                        ('source', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='lists', to='provenance.source')),
                    ],
                    options={
                        'db_table': 'provenance_importedlist',
                        'ordering': ['imported_at', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Record',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('row_number', models.PositiveIntegerField(help_text='1-based data row of the file', verbose_name='row')),
                        ('raw', models.JSONField(help_text="the cells exactly as read, in the order of the list's headers", verbose_name='raw row')),
                        ('facts', models.JSONField(default=dict, help_text='what the row states, normalised', verbose_name='facts')),
                        ('parsed', models.JSONField(default=dict, help_text='notes, derived values and warnings', verbose_name='parsed')),
                        ('display_name', models.CharField(blank=True, max_length=300, verbose_name='name')),
                        ('name_keys', models.TextField(blank=True, help_text="matching keys and skeletons of the name's words")),
                        ('place', models.CharField(blank=True, db_index=True, max_length=200, verbose_name='place of death')),
                        ('death_date', models.CharField(blank=True, db_index=True, max_length=10, verbose_name='date of death')),
                        ('imported_list', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='records', to='registry.importedlist')),
                    ],
                    options={
                        'db_table': 'provenance_record',
                        'ordering': ['imported_list_id', 'row_number'],
                        'constraints': [models.UniqueConstraint(fields=('imported_list', 'row_number'), name='record_unique_row')],
                    },
                ),
            ],
        ),
        migrations.RunPython(content_types_mover("provenance", "registry", MOVED),
                             content_types_mover_back("provenance", "registry", MOVED)),
    ]
