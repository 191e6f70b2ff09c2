"""The places page: records per place of death as the gazetteer merges them, and the places it does not know.

Unknown places are what a reviewer fixes: a variant to add to the gazetteer (then ``tergeu places
--refresh``), or a list's typo to correct. Counts are of the records the viewer may see.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from tergeu.accounts.access import requires
from tergeu.accounts.roles import VIEW_REGISTRY
from tergeu.registry.access import visible_records
from tergeu.registry.places import UNKNOWN_PREFIX, place_counts, unknown_places


@requires(VIEW_REGISTRY)
def places_page(request: HttpRequest) -> HttpResponse:
    records = visible_records(request.user)
    known = [count for count in place_counts(records, get_language()) if count.known]
    unknown = [(written, n, UNKNOWN_PREFIX + written) for written, n in unknown_places(records)]
    return render(request, "registry/places.html", {"known": known, "unknown": unknown})
