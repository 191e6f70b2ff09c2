"""Linkage in the app: runs over the registry's records, the people they find, reviewers' decisions, their pages."""
