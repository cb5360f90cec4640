"""What the crisis app shows in the shell: its menu for signed-in users, what the crisis centre
and the Joint Staff may do, and how each of its audit actions reads."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import Activity, AppShell, Audience, NavEntry, NavMenu, RoleGrant

_CASE, _ENTRY = "crisis.case", "crisis.logentry"
_SIGNED_IN = Audience.SIGNED_IN
_RUN = ("crisis.add_case", "crisis.change_case", "crisis.add_logentry")

ACTIVITIES = (
    Activity("crisis.case.open", _("You opened a crisis case."),
             _("You opened the crisis case “%(record)s”."), _CASE),
    # Audited on the record linked, which may be of any app: told without naming it.
    Activity("crisis.case.link", _("You linked a record to a crisis case.")),
    Activity("crisis.case.advance", _("You moved a crisis case to its next phase."),
             _("You moved the crisis case “%(record)s” to its next phase."), _CASE),
    Activity("crisis.fact.record", _("You recorded a clock fact of a crisis case."),
             _("You recorded a clock fact of the crisis case “%(record)s”."), _CASE),
    Activity("crisis.duty.assign", _("You assigned a duty position."),
             _("You assigned a duty position on the crisis case “%(record)s”."), _CASE),
    Activity("crisis.task.add", _("You set a task of a crisis case."),
             _("You set a task of the crisis case “%(record)s”."), _CASE),
    Activity("crisis.task.status", _("You updated a task of a crisis case."),
             _("You updated a task of the crisis case “%(record)s”."), _CASE),
    Activity("crisis.facility.add", _("You took a facility under protection."),
             _("You took a facility under protection in the crisis case “%(record)s”."), _CASE),
    Activity("crisis.facility.status", _("You changed the status of a protected facility."),
             _("You changed a facility's status in the crisis case “%(record)s”."), _CASE),
    Activity("crisis.log.add", _("You wrote an entry in a crisis log."),
             _("You wrote the log entry “%(record)s”."), _ENTRY),
    Activity("crisis.log.promote", _("You marked a log entry significant."),
             _("You marked the log entry “%(record)s” significant."), _ENTRY),
    Activity("crisis.log.export", _("You exported a crisis log."),
             _("You exported the log of the crisis case “%(record)s”."), _CASE),
    Activity("crisis.case.read", _("You opened a crisis case."),
             _("You opened the crisis case “%(record)s”."), _CASE),
    Activity("crisis.logentry.read", _("You opened a log entry."),
             _("You opened the log entry “%(record)s”."), _ENTRY),
    # The after-action review and the deployments a case's decision sends.
    Activity("crisis.review.write", _("You wrote the after-action review of a crisis case."),
             _("You wrote the after-action review of the crisis case “%(record)s”."), _CASE),
    Activity("crisis.lesson.observe", _("You recorded an observation on a crisis case."),
             _("You recorded an observation on the crisis case “%(record)s”."), _CASE),
    Activity("crisis.lesson.identify", _("You identified a lesson of a crisis case."),
             _("You identified a lesson of the crisis case “%(record)s”."), _CASE),
    Activity("crisis.lesson.assign", _("You assigned a remedial action of a crisis case."),
             _("You assigned a remedial action of the crisis case “%(record)s”."), _CASE),
    Activity("crisis.lesson.learn", _("You recorded a lesson of a crisis case as learned."),
             _("You recorded a lesson of the crisis case “%(record)s” as learned."), _CASE),
    Activity("crisis.deployment.link", _("You made a deployment belong to a crisis case."),
             _("You made the deployment “%(record)s” belong to a crisis case."),
             "forces.contribution"),
    Activity("crisis.lesson.overdue", _("A remedial action of a crisis case became overdue."),
             _("A remedial action of the crisis case “%(record)s” became overdue."), _CASE),
)

SHELL = AppShell(
    menus=(NavMenu(key="crisis", label=_("Crises"), icon="exclamation-octagon",
                   order=45, url_name="crisis:case-list", audience=_SIGNED_IN),),
    entries=(
        NavEntry(key="crisis-cases", menu="crisis", label=_("Crisis cases"), icon="folder2-open",
                 order=10, url_name="crisis:case-list", audience=_SIGNED_IN,
                 active_on=("crisis:case-",)),
        NavEntry(key="crisis-facts", menu="crisis", label=_("Response times"),
                 icon="stopwatch", order=20, url_name="crisis:facts", audience=_SIGNED_IN),
    ),
    grants=(RoleGrant(role=Role.CRISIS_ANALYST, permissions=_RUN),
            RoleGrant(role=Role.SECRETARIAT_OFFICER, permissions=_RUN),
            RoleGrant(role=Role.JOINT_STAFF_OFFICER, permissions=("crisis.add_logentry",))),
    activities=ACTIVITIES,
)
