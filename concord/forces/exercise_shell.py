"""What the exercises show in the shell: their pages in the forces menu, who plans, fills, rates
and learns from them, and how each of their audit actions reads on the actor's dashboard."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import Activity, AppShell, Audience, NavEntry, Relabelled, RoleGrant

# The Joint Staff plans and conducts exercises, rates units and carries lessons through; a
# delegation records its own state's participation and reports on the remedial actions that fall
# to its state (the services hold it to its own state); the secretariat reads and reports too.
_JOINT_STAFF = (
    "forces.add_exercise", "forces.change_exercise", "forces.add_exerciseparticipant",
    "forces.add_evaluation", "forces.add_lesson", "forces.change_lesson", "forces.view_lesson",
    "forces.add_readinessreport",
)
_DELEGATION = ("forces.add_exerciseparticipant", "forces.view_lesson")
_SECRETARIAT = ("forces.view_lesson",)

_EXERCISE, _LESSON = "forces.exercise", "forces.lesson"
_PARTICIPANT, _EVALUATION = "forces.exerciseparticipant", "forces.evaluation"

ACTIVITIES = (
    Activity("forces.exercise.plan", _("You planned an exercise."),
             _("You planned the exercise “%(record)s”."), _EXERCISE),
    Activity("forces.exercise.place_add", _("You added an area to an exercise."),
             _("You added an area to the exercise “%(record)s”."), _EXERCISE),
    Activity("forces.exercise.phase_add", _("You added a phase to an exercise."),
             _("You added a phase to the exercise “%(record)s”."), _EXERCISE),
    Activity("forces.exercise.objective_add", _("You set an objective of an exercise."),
             _("You set an objective of the exercise “%(record)s”."), _EXERCISE),
    Activity("forces.exercise.participant_add", _("You recorded a participant in an exercise."),
             _("You recorded the participant “%(record)s” in an exercise."), _PARTICIPANT),
    Activity("forces.exercise.status", _("You changed the status of an exercise."),
             _("You changed the status of the exercise “%(record)s”."), _EXERCISE),
    Activity("forces.exercise.evaluate_unit", _("You rated a unit in an exercise."),
             _("You rated a unit in an exercise: %(record)s."), _EVALUATION),
    Activity("forces.exercise.evaluate", _("You closed the evaluation of an exercise."),
             _("You closed the evaluation of the exercise “%(record)s”."), _EXERCISE),
    Activity("forces.lesson.observe", _("You recorded an observation in an exercise."),
             _("You recorded the observation %(record)s."), _LESSON),
    Activity("forces.lesson.verify", _("You verified an observation."),
             _("You verified the observation %(record)s."), _LESSON),
    Activity("forces.lesson.identify", _("You identified a lesson."),
             _("You identified the lesson %(record)s."), _LESSON),
    Activity("forces.lesson.assign_action", _("You assigned a remedial action."),
             _("You assigned the remedial action of the lesson %(record)s."), _LESSON),
    Activity("forces.lesson.report_action", _("You reported on a remedial action."),
             _("You reported on the remedial action of the lesson %(record)s."), _LESSON),
    Activity("forces.lesson.learn", _("You recorded a lesson as learned."),
             _("You recorded the lesson %(record)s as learned."), _LESSON),
    Activity("forces.lesson.overdue", _("A remedial action became overdue."),
             _("The remedial action of the lesson %(record)s became overdue."), _LESSON),
    # Opening a record labelled CONFIDENTIAL or above is audited as its read.
    Activity("forces.exercise.read", _("You opened an exercise."),
             _("You opened the exercise “%(record)s”."), _EXERCISE),
    Activity("forces.lesson.read", _("You opened a lesson."),
             _("You opened the lesson %(record)s."), _LESSON),
    Activity("forces.evaluation.read", _("You opened a rating of a unit in an exercise."),
             _("You opened the rating “%(record)s”."), _EVALUATION),
    Activity("forces.exerciseparticipant.read", _("You opened a participation in an exercise."),
             _("You opened the participation “%(record)s”."), _PARTICIPANT),
    # Corrections made before the exercise is evaluated.
    Activity("forces.exercise.phase_update", _("You corrected a phase of an exercise."),
             _("You corrected a phase of the exercise “%(record)s”."), _EXERCISE),
    Activity("forces.exercise.phase_remove", _("You removed a phase of an exercise."),
             _("You removed a phase of the exercise “%(record)s”."), _EXERCISE),
    Activity("forces.exercise.objective_update", _("You corrected an objective of an exercise."),
             _("You corrected an objective of the exercise “%(record)s”."), _EXERCISE),
    Activity("forces.exercise.objective_remove", _("You removed an objective of an exercise."),
             _("You removed an objective of the exercise “%(record)s”."), _EXERCISE),
    Activity("forces.exercise.participant_update",
             _("You corrected a participation in an exercise."),
             _("You corrected the participation “%(record)s”."), _PARTICIPANT),
    Activity("forces.exercise.participant_remove",
             _("You removed a participant from an exercise."),
             _("You removed a participant from the exercise “%(record)s”."), _EXERCISE),
)

EXERCISES = AppShell(
    entries=(
        NavEntry(key="forces-exercises", menu="forces", label=_("Exercises"), icon="flag",
                 order=60, url_name="forces:exercise-list", audience=Audience.SIGNED_IN,
                 active_on=("forces:exercise-", "forces:lesson-")),
    ),
    grants=(RoleGrant(role=Role.JOINT_STAFF_OFFICER, permissions=_JOINT_STAFF),
            RoleGrant(role=Role.DELEGATE, permissions=_DELEGATION),
            RoleGrant(role=Role.SECRETARIAT_OFFICER, permissions=_SECRETARIAT)),
    relabelled=(Relabelled(model="forces.exercise", permission="forces.change_exercise"),),
    activities=ACTIVITIES,
)


def with_exercises(shell: AppShell) -> AppShell:
    """The forces app's shell with the exercises' part added to it."""
    return replace(shell, entries=shell.entries + EXERCISES.entries,
                   grants=shell.grants + EXERCISES.grants,
                   relabelled=shell.relabelled + EXERCISES.relabelled,
                   activities=shell.activities + EXERCISES.activities)
