"""The accounts' commands: ``init`` (with a first administrator) and ``user``.

``tergeu.cli`` mounts them. Passwords are asked for, never taken as arguments, and held to the site's
rules (length, not common, not like the name) before anything is saved.
"""

from __future__ import annotations

import click
from rich.markup import escape

from tergeu.toolkit.cli import console, fail, with_django


@click.command()
@click.option("--admin-user", help="Also create this admin account (asks for a password).")
@with_django
def init(admin_user: str | None) -> None:
    """Create the data directory and database, the master key of protected identities (0600, when
    missing), and optionally an admin account."""
    from django.conf import settings

    from tergeu.core.protect import create_key_file

    if not settings.TERGEU_KEY_FILE.exists():
        create_key_file(settings.TERGEU_KEY_FILE)
        console.print(f"Created the master key {escape(str(settings.TERGEU_KEY_FILE))}: back it up "
                      "(tergeu keys backup) and keep it apart from database backups")
    if settings.TERGEU_KEY_FILE.is_relative_to(settings.TERGEU_HOME):
        console.print(f"[bold]Warning:[/bold] the master key is inside the data directory "
                      f"{escape(str(settings.TERGEU_HOME))}: a copy or backup of that whole folder carries the key "
                      "and opens every protected identity. Set TERGEU_KEY_FILE to a path outside it (see "
                      "docs/security.md), or never back up its keys/ folder with the database.")

    if admin_user:
        from django.contrib.auth import get_user_model

        users = get_user_model()
        password = _new_password(users(username=admin_user))
        users.objects.create_superuser(admin_user, "", password)
    console.print(f"Tergeu is ready in {escape(str(settings.TERGEU_HOME))}")


@click.command("user")
@click.argument("username")
@click.option("--role", "role_names", multiple=True, help="Give this role (repeatable): admin, investigator, "
              "data-entry, reviewer, analyst, expert-mission.")
@click.option("--remove-role", "removed", multiple=True, help="Take this role away (repeatable).")
@click.option("--staff/--no-staff", default=None, help="Allow the Django admin (needs the admin role to be useful).")
@click.option("--password", "set_password", is_flag=True, help="Ask for a new password.")
@with_django
def user_(username: str, role_names: tuple[str, ...], removed: tuple[str, ...], staff: bool | None,
          set_password: bool) -> None:
    """Create a user or change one: roles, staff flag, password."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from tergeu.accounts.roles import ROLES, ensure_role_groups

    unknown = [r for r in (*role_names, *removed) if r not in ROLES]
    if unknown:
        fail(f"unknown role(s) {', '.join(unknown)}; roles are {', '.join(ROLES)}")
    ensure_role_groups()
    users = get_user_model()
    user = users.objects.filter(username=username).first()
    created = user is None
    user = user or users(username=username)
    if created or set_password:
        user.set_password(_new_password(user))  # checked before anything is saved
    if staff is not None:
        user.is_staff = staff
    user.save()
    user.groups.add(*Group.objects.filter(name__in=role_names))
    user.groups.remove(*Group.objects.filter(name__in=removed))
    roles = ", ".join(sorted(user.groups.values_list("name", flat=True))) or "none"
    console.print(f"{'Created' if created else 'Updated'} {escape(username)}: roles {escape(roles)}")


def _new_password(user: object) -> str:
    """Ask for a password and hold it to the site's rules (length, not common, not like the name)."""
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        validate_password(password, user)
    except ValidationError as refused:
        fail("password refused: " + " ".join(refused.messages))
    return password


COMMANDS = [init, user_]
