"""Every existing person, retired ones included, gets a random public id, in batches."""

from django.db import migrations

from tergeu.toolkit.public_ids import public_ids_filler


class Migration(migrations.Migration):

    dependencies = [
        ("linkage", "0004_public_id_added"),
    ]

    operations = [
        migrations.RunPython(public_ids_filler("linkage", ("person",)), migrations.RunPython.noop),
    ]
