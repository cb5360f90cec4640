"""What the collective forces show in the shell: the «Forces» menu, what the Joint Staff officer
and the delegations may do, and how the forces' audit actions read on a dashboard."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import (
    Activity,
    AppShell,
    Audience,
    NavEntry,
    NavMenu,
    Relabelled,
    RoleGrant,
)
from concord.forces.exercise_shell import with_exercises
from concord.forces.operation_shell import with_operations

_SIGNED_IN = Audience.SIGNED_IN
_FORMATION, _UNIT = "forces.formation", "forces.unit"
_CONTRIBUTION, _READINESS = "forces.contribution", "forces.readinessreport"
_STRENGTH = "forces.strength"


def _unit_of(record: object) -> str:
    unit = getattr(record, "unit", None)
    return str(unit) if unit is not None else "—"


ACTIVITIES = (
    Activity("forces.formation.create", _("You registered a formation."),
             _("You registered the formation “%(record)s”."), _FORMATION),
    Activity("forces.formation.update", _("You edited a formation."),
             _("You edited the formation “%(record)s”."), _FORMATION),
    Activity("forces.unit.create", _("You registered a unit."),
             _("You registered the unit “%(record)s”."), _UNIT),
    Activity("forces.unit.update", _("You edited a unit."),
             _("You edited the unit “%(record)s”."), _UNIT),
    Activity("forces.strength.record", _("You recorded a unit's strength."),
             _("You recorded the strength of the unit “%(record)s”."), _STRENGTH,
             name=_unit_of, related=("unit",)),
    Activity("forces.contribution.earmark", _("You earmarked a unit to a formation."),
             _("You earmarked “%(record)s”."), _CONTRIBUTION, related=("unit", "formation")),
    Activity("forces.contribution.advance", _("You recorded a deployment step."),
             _("You recorded a deployment step of “%(record)s”."), _CONTRIBUTION,
             related=("unit", "formation")),
    Activity("forces.authority.transfer", _("You recorded a transfer of authority."),
             _("You recorded the transfer of authority over “%(record)s”."), _CONTRIBUTION,
             related=("unit", "formation")),
    Activity("forces.authority.return", _("You recorded the return of command to a state."),
             _("You recorded the return of “%(record)s” to national command."), _CONTRIBUTION,
             related=("unit", "formation")),
    Activity("forces.readiness.record", _("You reported a unit's readiness."),
             _("You reported the readiness of the unit “%(record)s”."), _READINESS,
             name=_unit_of, related=("unit",)),
    # Opening a record labelled CONFIDENTIAL or above is audited as its read.
    Activity("forces.formation.read", _("You opened a formation."),
             _("You opened the formation “%(record)s”."), _FORMATION),
    Activity("forces.unit.read", _("You opened a unit."),
             _("You opened the unit “%(record)s”."), _UNIT),
    Activity("forces.readinessreport.read", _("You opened a readiness report."),
             _("You opened a readiness report of the unit “%(record)s”."), _READINESS,
             name=_unit_of, related=("unit",)),
    Activity("forces.strength.read", _("You opened a unit's strength."),
             _("You opened the strength of the unit “%(record)s”."), _STRENGTH,
             name=_unit_of, related=("unit",)),
    Activity("forces.contribution.update", _("You corrected a contribution's period."),
             _("You corrected the period of “%(record)s”."), _CONTRIBUTION,
             related=("unit", "formation")),
    Activity("forces.contribution.read", _("You opened a contribution."),
             _("You opened the contribution “%(record)s”."), _CONTRIBUTION,
             related=("unit", "formation")),
)

SHELL = AppShell(
    menus=(NavMenu(key="forces", label=_("Forces"), icon="shield", order=45,
                   url_name="forces:formation-list", audience=_SIGNED_IN),),
    entries=(
        NavEntry(key="forces-formations", menu="forces", label=_("Formations"),
                 icon="diagram-3", order=10, url_name="forces:formation-list",
                 audience=_SIGNED_IN, active_on=("forces:formation-",)),
        NavEntry(key="forces-units", menu="forces", label=_("Units"), icon="list-ul",
                 order=20, url_name="forces:unit-list", audience=_SIGNED_IN,
                 active_on=("forces:unit-",)),
        NavEntry(key="forces-readiness", menu="forces", label=_("Readiness"),
                 icon="speedometer", order=30, url_name="forces:readiness-list",
                 audience=_SIGNED_IN, active_on=("forces:readiness-",)),
        NavEntry(key="forces-map", menu="forces", label=_("Map of home stations"),
                 icon="geo-alt", order=40, url_name="forces:map", audience=_SIGNED_IN),
    ),
    grants=(
        # The Joint Staff keeps the registry of the collective forces and records what the
        # council decides about them.
        RoleGrant(role=Role.JOINT_STAFF_OFFICER, permissions=(
            "forces.add_formation", "forces.change_formation", "forces.add_contribution",
            "forces.change_contribution", "forces.add_authoritytransfer",
            "forces.add_readinessreport")),
        # A delegation keeps its own state's units, their strength and readiness, and earmarks
        # them.
        RoleGrant(role=Role.DELEGATE, permissions=(
            "forces.add_unit", "forces.change_unit", "forces.add_strength",
            "forces.add_contribution", "forces.change_contribution",
            "forces.add_readinessreport")),
    ),
    # The contributing state changes its contribution's label on the label page.
    relabelled=(Relabelled(model="forces.contribution", permission="forces.change_contribution"),),
    activities=ACTIVITIES,
)

# --- Exercises, their evaluation and lessons ---------------------------------------------------
SHELL = with_exercises(SHELL)

# --- Joint operations ----------------------------------------------------------------------------
SHELL = with_operations(SHELL)
