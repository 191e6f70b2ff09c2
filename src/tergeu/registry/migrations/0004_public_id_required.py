"""The public id becomes required and unique (its index is what pages and the API look rows up by)."""

from django.db import migrations, models

import tergeu.toolkit.public_ids


class Migration(migrations.Migration):

    dependencies = [
        ("registry", "0003_public_id_filled"),
    ]

    operations = [
        migrations.AlterField(
            model_name="importedlist",
            name="public_id",
            field=models.CharField(default=tergeu.toolkit.public_ids.new_public_id, editable=False, max_length=26,
                                   unique=True, verbose_name="public id"),
        ),
        migrations.AlterField(
            model_name="record",
            name="public_id",
            field=models.CharField(default=tergeu.toolkit.public_ids.new_public_id, editable=False, max_length=26,
                                   unique=True, verbose_name="public id"),
        ),
    ]
