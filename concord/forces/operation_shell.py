"""What the joint operations show in the shell: their entry in the «Forces» menu, who records
operations and results, who publishes figures, and how their audit actions read."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import Activity, AppShell, Audience, NavEntry, Relabelled, RoleGrant

_OPERATION, _RESULT = "forces.operation", "forces.operationresult"
_PUBLICATION = "forces.operationpublication"

OPERATIONS = AppShell(
    entries=(NavEntry(key="forces-operations", menu="forces", label=_("Joint operations"),
                      icon="shield-check", order=60, url_name="forces:operation-list",
                      audience=Audience.SIGNED_IN, active_on=("forces:operation",)),),
    grants=(
        RoleGrant(role=Role.SECRETARIAT_OFFICER, permissions=(
            "forces.add_operation", "forces.change_operation",
            "forces.add_operationpublication")),
        RoleGrant(role=Role.JOINT_STAFF_OFFICER, permissions=(
            "forces.add_operation", "forces.change_operation")),
        RoleGrant(role=Role.PRESS_OFFICER, permissions=("forces.add_operationpublication",)),
        # A state's delegation reports its own results; the label rule keeps them its own.
        RoleGrant(role=Role.DELEGATE, permissions=("forces.add_operationresult",
                                                   "forces.change_operationresult")),
    ),
    # A state releases its results for publication by lowering their label to PUBLIC, which
    # the label page does with a second person's approval.
    relabelled=(Relabelled(model=_RESULT, permission="forces.change_operationresult"),),
    activities=(
        Activity("forces.operation.create", _("You recorded a joint operation."),
                 _("You recorded the joint operation “%(record)s”."), _OPERATION),
        Activity("forces.stage.add", _("You added a stage to a joint operation."),
                 _("You added a stage to the joint operation “%(record)s”."), _OPERATION),
        Activity("forces.operation.edit", _("You changed a joint operation."),
                 _("You changed the joint operation “%(record)s”."), _OPERATION),
        Activity("forces.stage.edit", _("You changed a stage of a joint operation."),
                 _("You changed a stage of the joint operation “%(record)s”."), _OPERATION),
        Activity("forces.result.report", _("You reported a result of a joint operation.")),
        Activity("forces.result.correct", _("You corrected a result of a joint operation; its "
                                            "earlier value is kept.")),
        Activity("forces.result.import", _("You imported results of joint operations.")),
        Activity("forces.publication.generate",
                 _("You generated public figures of a joint operation.")),
        Activity("forces.substance.seed", _("The substances of operation results were "
                                            "recorded.")),
        Activity("forces.operation.read", _("You opened a joint operation."),
                 _("You opened the joint operation “%(record)s”."), _OPERATION),
        Activity("forces.operationresult.read", _("You opened a result of a joint operation.")),
        Activity("forces.operationpublication.read",
                 _("You opened public figures of a joint operation.")),
    ),
)


def with_operations(shell: AppShell) -> AppShell:
    """The forces app's shell with the joint operations' part added to it."""
    return replace(shell, entries=shell.entries + OPERATIONS.entries,
                   grants=shell.grants + OPERATIONS.grants,
                   relabelled=shell.relabelled + OPERATIONS.relabelled,
                   activities=shell.activities + OPERATIONS.activities)
