"""What the assistance app shows in the shell: the permissions of each role and the sentences
its actions read as."""

from __future__ import annotations

from concord.accounts.models import Role
from concord.assistance import shell_allocation
from concord.core.shell import AppShell, RoleGrant

SHELL = AppShell(
    grants=(RoleGrant(role=Role.SECRETARIAT_OFFICER, permissions=shell_allocation.SECRETARIAT),
            RoleGrant(role=Role.SECRETARY_GENERAL, permissions=shell_allocation.SECRETARIAT),
            RoleGrant(role=Role.DELEGATE, permissions=shell_allocation.DELEGATION)),
    activities=shell_allocation.ACTIVITIES,
)
