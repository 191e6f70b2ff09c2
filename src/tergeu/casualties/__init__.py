"""The casualty registry: casualty lists, their import, and (later) the people they name."""
