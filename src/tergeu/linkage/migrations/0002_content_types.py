"""Records are ``registry``'s now; the content types of the former ``casualties`` models say ``linkage``."""

import django.db.models.deletion
from django.db import migrations, models

from tergeu.migrating import content_types_mover, content_types_mover_back

MOVED = ("linkagerun", "person", "membership", "pairdecision", "scoredpairrow")


def _to_record(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name=related_name,
                             to="registry.record")


class Migration(migrations.Migration):

    dependencies = [
        ("linkage", "0001_initial"),
        ("registry", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="membership", name="record",
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="membership",
                                               to="registry.record"),
                ),
                migrations.AlterField(model_name="pairdecision", name="left", field=_to_record("+")),
                migrations.AlterField(model_name="pairdecision", name="right", field=_to_record("+")),
            ],
        ),
        migrations.RunPython(content_types_mover("casualties", "linkage", MOVED),
                             content_types_mover_back("casualties", "linkage", MOVED)),
    ]
