"""Browser tests (Playwright + Chromium against a live server).

This directory is a package on purpose: pytest gives "package" scope only to packages, and the
Playwright fixture must be package-scoped so that it stops, and clears the event loop it marks as
running in the main thread, before any test outside this directory runs (see conftest.py).
"""
