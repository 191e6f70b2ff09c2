"""Bringing a casualty list (CSV, XLSX, JSON) into the registry, atomically and with every problem named."""
