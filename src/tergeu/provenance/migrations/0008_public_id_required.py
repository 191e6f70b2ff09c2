"""A source's public id becomes required and unique."""

from django.db import migrations, models

import tergeu.toolkit.public_ids


class Migration(migrations.Migration):

    dependencies = [
        ("provenance", "0007_public_id_filled"),
    ]

    operations = [
        migrations.AlterField(
            model_name="source",
            name="public_id",
            field=models.CharField(default=tergeu.toolkit.public_ids.new_public_id, editable=False, max_length=26,
                                   unique=True, verbose_name="public id"),
        ),
    ]
