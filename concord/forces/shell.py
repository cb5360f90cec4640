"""What the forces app shows in the shell: its menu, its pages, who may do what in it, and how its
audit actions read."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from concord.core.shell import AppShell, NavMenu
from concord.forces.exercise_shell import with_exercises

SHELL = AppShell(
    menus=(NavMenu(key="forces", label=_("Forces"), icon="shield", order=40,
                   url_name="forces:exercise-list"),),
)

# --- Exercises ------------------------------------------------------------------------------
SHELL = with_exercises(SHELL)
