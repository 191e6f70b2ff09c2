"""Lists and records get a ``public_id`` column, empty for now (0003 fills it, 0004 makes it required).

Three steps, as a unique column with a random default must be added: a default computed once by
``AddField`` would give every existing row the same token. Each step is its own transaction, so on
PostgreSQL the updates of 0003 are committed before 0004 alters the table.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("registry", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="importedlist",
            name="public_id",
            field=models.CharField(editable=False, max_length=26, null=True, verbose_name="public id"),
        ),
        migrations.AddField(
            model_name="record",
            name="public_id",
            field=models.CharField(editable=False, max_length=26, null=True, verbose_name="public id"),
        ),
    ]
