"""Accounts: roles and what each may do, per-user language, API tokens, sign-in throttling, TOTP."""
