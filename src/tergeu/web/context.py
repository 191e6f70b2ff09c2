"""Template context every page gets: whether the database holds the synthetic demo case."""

from __future__ import annotations

from django.http import HttpRequest

from tergeu.provenance.models import Source


def tergeu_context(request: HttpRequest) -> dict:
    return {"tergeu_demo": Source.objects.filter(is_synthetic=True).exists()}
