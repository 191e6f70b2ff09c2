"""Importing security-forces files: units, relations, persons, postings, incidents, trainings."""
