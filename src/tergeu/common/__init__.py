"""Helpers every app and both faces (pages, API) stand on: reading request numbers, paging links.

Below the domain apps and above nothing but Django: a domain app or ``web`` may import from here,
this package imports from no Tergeu app.
"""
