"""The JSON API object: authentication, errors that are always JSON, and the mounting of every app's
routers (each app's ``api`` module defines them, with the same roles and visibility as its pages)."""
