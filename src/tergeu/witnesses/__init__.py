"""Protected people: witnesses (and, through the same service, victims and complainants of cases).

A person is known everywhere by a pseudonym; their identity is sealed under their own data key
(``protection.py``), statements and pressure events refer only to the pseudonym, and only those
granted the person know that it exists (``access.py``). docs/security.md has the threat model.
"""
