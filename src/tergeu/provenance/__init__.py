"""Where every fact comes from: sources, imported lists, their rows, claims and the change history."""
