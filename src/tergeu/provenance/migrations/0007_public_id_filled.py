"""Every existing source gets a random public id (``tergeu.toolkit.public_ids``)."""

from django.db import migrations

from tergeu.toolkit.public_ids import public_ids_filler


class Migration(migrations.Migration):

    dependencies = [
        ("provenance", "0006_public_id_added"),
    ]

    operations = [
        migrations.RunPython(public_ids_filler("provenance", ("source",)), migrations.RunPython.noop),
    ]
