"""Tergeu: documenting state violence against protesters and holding those responsible to account."""

__version__ = "0.1.0"
