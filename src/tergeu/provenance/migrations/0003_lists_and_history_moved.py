"""Imported lists and records now belong to ``registry``, the change log to ``history`` (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("provenance", "0002_importedlist_one_per_person"),
        ("registry", "0001_initial"),
        ("history", "0001_initial"),
        ("linkage", "0002_content_types"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='claim',
                    name='record',
                    field=models.ForeignKey(blank=True, help_text='the list row that states it, when it came from a list', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='claims', to='registry.record'),
                ),
                migrations.DeleteModel(name='ChangeEntry'),
                migrations.DeleteModel(name='Record'),
                migrations.DeleteModel(name='ImportedList'),
            ],
        ),
    ]
