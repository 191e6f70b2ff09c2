"""Linkage runs, people, memberships, scored pairs and pair decisions, formerly the ``casualties`` app.

It replaces ``casualties`` 0001-0003: a database that applied those is marked as having applied this
one and keeps its tables (``casualties_*``, named by ``db_table``); a new database gets the same tables
from here. Its records are still ``provenance``'s here, as they were then; ``0002`` points
at ``registry``'s and moves the content types.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("casualties", "0001_initial"),
        ("casualties", "0002_person_names"),
        ("casualties", "0003_scored_pairs"),
    ]

    dependencies = [
        ("provenance", "0002_importedlist_one_per_person"),
    ]

    operations = [
        migrations.CreateModel(
            name='LinkageRun',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('started_at', models.DateTimeField(auto_now_add=True)),
                ('finished_at', models.DateTimeField(blank=True, null=True)),
                ('started_by', models.CharField(max_length=150)),
                ('model', models.JSONField(default=dict, help_text='the trained linkage model (Splink settings and parameters)')),
                ('stats', models.JSONField(default=dict)),
                ('review', models.JSONField(default=list, help_text='uncertain pairs and suspicious people, most consequential first')),
            ],
            options={
                'db_table': 'casualties_linkagerun',
                'ordering': ['-started_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='Person',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('display_name', models.CharField(blank=True, max_length=300, verbose_name='name')),
                ('lists', models.JSONField(default=list, help_text='ids of the lists that name this person', verbose_name='lists')),
                ('cohesion', models.FloatField(default=1.0, help_text='weakest link probability inside the cluster')),
                ('suspicious', models.BooleanField(default=False)),
                ('reasons', models.JSONField(default=list)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('names', models.JSONField(default=dict, help_text="the spelling most of the person's records use, per script", verbose_name='preferred names')),
            ],
            options={
                'db_table': 'casualties_person',
                'ordering': ['id'],
            },
        ),
        migrations.CreateModel(
            name='Membership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('record', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='membership', to='provenance.record')),
                ('run', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, to='linkage.linkagerun')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='linkage.person')),
            ],
            options={
                'db_table': 'casualties_membership',
            },
        ),
        migrations.CreateModel(
            name='PairDecision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('decision', models.CharField(choices=[('same', 'same person'), ('different', 'not the same'), ('unsure', 'unsure')], max_length=10)),
                ('decided_by', models.CharField(max_length=150)),
                ('decided_at', models.DateTimeField(auto_now=True)),
                ('note', models.TextField(blank=True)),
                ('left', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='provenance.record')),
                ('right', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='provenance.record')),
            ],
            options={
                'db_table': 'casualties_pairdecision',
                'constraints': [models.UniqueConstraint(fields=('left', 'right'), name='pair_decision_once'), models.CheckConstraint(condition=models.Q(('left__lt', models.F('right'))), name='pair_decision_ordered')],
            },
        ),
        migrations.CreateModel(
            name='ScoredPairRow',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('left_id', models.BigIntegerField()),
                ('right_id', models.BigIntegerField()),
                ('probability', models.FloatField()),
                ('run', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='pairs', to='linkage.linkagerun')),
            ],
            options={
                'db_table': 'casualties_scoredpairrow',
            },
        ),
    ]
