"""Roles and capabilities: who may do what, declared in one table.

A role is a Django group of the same name; a capability is a verb the views and the API check with
``tergeu.accounts.access.can``. Keeping the table here, not scattered over views, lets the permission test
walk every URL for every role against one declared expectation.
"""

from __future__ import annotations

from typing import Any

ADMIN = "admin"
INVESTIGATOR = "investigator"
DATA_ENTRY = "data-entry"
REVIEWER = "reviewer"
ANALYST = "analyst"
EXPERT_MISSION = "expert-mission"
ROLES = (ADMIN, INVESTIGATOR, DATA_ENTRY, REVIEWER, ANALYST, EXPERT_MISSION)

VIEW_REGISTRY = "view_registry"  # see records (the expert mission: only lists shared with it)
VIEW_ALL_LISTS = "view_all_lists"  # see every list, shared or not
IMPORT_LISTS = "import_lists"
REVIEW_FACTS = "review_facts"
VIEW_HISTORY = "view_history"
SHARE_WITH_MISSION = "share_with_mission"
MANAGE_GRANTS = "manage_grants"  # share single objects with named people, see who holds what
RUN_ESTIMATES = "run_estimates"  # estimate the toll (it reads every list, so only roles that see every list)
RUN_LINKAGE = "run_linkage"  # link the records into people from the web (reads every list, as above)
VIEW_FORCES = "view_forces"  # security forces: units, officials, postings, incidents, trainings
# Work with protected people (witnesses): only those granted each person see them, whatever the role.
HANDLE_WITNESSES = "handle_witnesses"
WITHHOLD_NAMES = "withhold_names"  # withhold a person's name from the public release (a family's request)
VIEW_CASES = "view_cases"  # complaints, cases and the funnel (the expert mission: only cases granted to it)
VIEW_ALL_CASES = "view_all_cases"  # every complaint and case, granted or not
MANAGE_CASES = "manage_cases"  # add complaints and cases, record steps, rotate or revoke access codes

CAPABILITIES: dict[str, frozenset[str]] = {
    ADMIN: frozenset({VIEW_REGISTRY, VIEW_ALL_LISTS, IMPORT_LISTS, REVIEW_FACTS, VIEW_HISTORY, SHARE_WITH_MISSION,
                      RUN_ESTIMATES, RUN_LINKAGE, MANAGE_GRANTS, WITHHOLD_NAMES,
                      VIEW_FORCES, HANDLE_WITNESSES, VIEW_CASES, VIEW_ALL_CASES, MANAGE_CASES}),
    INVESTIGATOR: frozenset({VIEW_REGISTRY, VIEW_ALL_LISTS, IMPORT_LISTS, REVIEW_FACTS, VIEW_HISTORY,
                             SHARE_WITH_MISSION, RUN_ESTIMATES, RUN_LINKAGE, WITHHOLD_NAMES, VIEW_FORCES,
                             HANDLE_WITNESSES, VIEW_CASES, VIEW_ALL_CASES, MANAGE_CASES}),
    DATA_ENTRY: frozenset({VIEW_REGISTRY, VIEW_ALL_LISTS, IMPORT_LISTS}),
    REVIEWER: frozenset({VIEW_REGISTRY, VIEW_ALL_LISTS, REVIEW_FACTS, VIEW_HISTORY, RUN_LINKAGE, WITHHOLD_NAMES,
                         VIEW_FORCES, VIEW_CASES, VIEW_ALL_CASES}),
    ANALYST: frozenset({VIEW_REGISTRY, VIEW_ALL_LISTS, VIEW_HISTORY, RUN_ESTIMATES, RUN_LINKAGE, VIEW_FORCES,
                        VIEW_CASES, VIEW_ALL_CASES}),
    EXPERT_MISSION: frozenset({VIEW_REGISTRY, VIEW_CASES}),
}


def roles_of(user: Any) -> set[str]:
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    cached = getattr(user, "_tergeu_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True)) & set(ROLES)
        if user.is_superuser:
            cached.add(ADMIN)
        user._tergeu_roles = cached
    return cached


def role_allows(user: Any, capability: str) -> bool:
    """True when one of the user's roles grants the capability (objects: ``tergeu.accounts.access.can``)."""
    return any(capability in CAPABILITIES[role] for role in roles_of(user))


class AdminRoleBackend:
    """Give the ``admin`` role, on a staff account, every permission of the Django admin.

    The roles are groups without Django model permissions, so a ``--role admin --staff`` account used to
    open an empty admin. The table above says admin may do everything; this backend (listed in
    ``AUTHENTICATION_BACKENDS`` after the model backend, and authenticating no one) makes the Django
    admin agree. Without ``--staff`` the admin site stays closed, as Django checks ``is_staff`` first;
    taking the role away takes the permissions with it, with nothing to revoke.
    """

    def authenticate(self, request: Any, **credentials: Any) -> None:
        return None

    def _is_admin(self, user: Any) -> bool:
        return bool(user.is_active and user.is_staff and ADMIN in roles_of(user))

    def has_perm(self, user: Any, perm: str, obj: Any = None) -> bool:
        return self._is_admin(user)

    def has_module_perms(self, user: Any, app_label: str) -> bool:
        return self._is_admin(user)


def ensure_role_groups() -> None:
    """Create the role groups (idempotent); called by migrations and ``tergeu user``."""
    from django.contrib.auth.models import Group

    for role in ROLES:
        Group.objects.get_or_create(name=role)
