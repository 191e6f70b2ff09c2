"""Every existing list and record gets a random public id, in batches (``tergeu.toolkit.public_ids``)."""

from django.db import migrations

from tergeu.toolkit.public_ids import public_ids_filler


class Migration(migrations.Migration):

    dependencies = [
        ("registry", "0002_public_id_added"),
    ]

    operations = [
        migrations.RunPython(public_ids_filler("registry", ("importedlist", "record")), migrations.RunPython.noop),
    ]
