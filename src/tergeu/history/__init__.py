"""The change history: who changed what and when, for every tracked model (its own app, below the domains)."""
