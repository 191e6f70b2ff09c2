from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "tergeu.registry"
    verbose_name = "Casualty registry"

    def ready(self) -> None:
        from tergeu.history.changes import register_value
        from tergeu.provenance.models import Citation, Claim
        from tergeu.registry import access
        from tergeu.registry.models import ImportedList

        access.register()
        for model in (Claim, Citation):  # the fact a claim or citation is about, in words in the history
            register_value(model, "field", _fact_label)
        register_value(ImportedList, "column_map", _column_map)


def _fact_label(name: str) -> str:
    from tergeu.registry.labels import field_label

    try:
        return field_label(name)
    except KeyError:
        return name


def _column_map(mapping: object) -> str:
    """A list's column map as "field label: header" pairs, then its other settings (date order...)."""
    if not isinstance(mapping, dict):
        return str(mapping)
    columns = mapping.get("columns") or {}
    parts = [f"{_fact_label(field)}: {header}" for field, header in columns.items()]
    parts += [f"{key}: {value}" for key, value in mapping.items() if key != "columns" and value not in (None, "")]
    return "; ".join(parts)
