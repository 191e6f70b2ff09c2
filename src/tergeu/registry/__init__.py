"""The casualty registry: imported lists, their rows, their import, search and export, and their pages."""
