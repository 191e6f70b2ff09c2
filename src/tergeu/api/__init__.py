"""The JSON API: the registry's sources, lists and records, and list import, for scripts and other tools.

Every endpoint applies the same roles and visibility rules as the web pages (``tergeu.accounts``), so
the API never shows more than a user could see by signing in. See ``tergeu.api.main`` for the routes.
"""
