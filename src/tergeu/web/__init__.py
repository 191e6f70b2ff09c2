"""Base templates, the home page, and the shared pieces of every page."""
