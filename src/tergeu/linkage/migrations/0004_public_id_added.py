"""People get a ``public_id`` column, empty for now (0005 fills it, 0006 makes it required).

Three steps for the reasons given in ``registry/migrations/0002_public_id_added.py``.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("linkage", "0003_people_are_retired"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="public_id",
            field=models.CharField(editable=False, max_length=26, null=True, verbose_name="public id"),
        ),
    ]
