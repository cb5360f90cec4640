"""Joint exercises: where and when they are held, their phases, the states and units taking part
and with what strength, the objectives set against the tasks units must be able to perform, the
evaluators' ratings that feed each unit's training readiness, and the lessons drawn from them up
to the remedial action that is tracked like an instruction.

An exercise's figures are exercise figures: the strength that takes part in one is not strength
on hand, and nothing here is counted among the real figures of the forces."""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.models import LabelledModel, Party, Translated
from concord.forces.models.readiness import Level
from concord.forces.models.units import Unit
from concord.registry.models import Body, MemberState


class Exercise(LabelledModel):
    class Kind(models.TextChoices):
        COMMAND_STAFF = "command_staff", _("Command-staff")
        JOINT = "joint", _("Joint")
        FIELD = "field", _("Field")
        SPECIAL_FORCES = "special_forces", _("Special forces")
        ANTI_DRUG = "anti_drug", _("Anti-drug operational-tactical")

    # An exercise's status agrees with «учение» in Russian, which a session's does not.
    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("exercise status", "Planned")
        RUNNING = "running", pgettext_lazy("exercise status", "Running")
        COMPLETED = "completed", pgettext_lazy("exercise status", "Completed")
        EVALUATED = "evaluated", pgettext_lazy("exercise status", "Evaluated")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The series an exercise belongs to ("Interaction"), held year after year under one name.
    series_ru = models.CharField(_("series (Russian)"), max_length=100)
    series_en = models.CharField(_("series (English)"), max_length=100)
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    host_state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("host state"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    scenario_ru = models.TextField(_("scenario (Russian)"), blank=True)
    scenario_en = models.TextField(_("scenario (English)"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.PLANNED)
    # Where the facts come from, and what of them is illustrative rather than published.
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("exercise")
        verbose_name_plural = _("exercises")
        ordering: ClassVar = ["-starts_on", "series_ru"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="forces_exercise_ends_after_start"),
            models.UniqueConstraint(fields=["series_en", "year"],
                                    name="forces_exercise_series_year_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forces:exercise-detail", args=[self.public_id])

    series = Translated("series")

    scenario = Translated("scenario")

    @property
    def name(self) -> str:
        """The name it is known by: the series and the year, «Взаимодействие-2013»."""
        return f"{self.series}-{self.year}"


class ExercisePlace(models.Model):
    """A training ground or area the exercise is held at, with its coordinates for the map."""

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="places")
    name_ru = models.CharField(_("place (Russian)"), max_length=200)
    name_en = models.CharField(_("place (English)"), max_length=200)
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("state"))
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)

    class Meta:
        verbose_name = _("exercise area")
        verbose_name_plural = _("exercise areas")
        ordering: ClassVar = ["exercise", "id"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(latitude__gte=-90) & Q(latitude__lte=90),
                                   name="forces_exercise_place_latitude"),
            models.CheckConstraint(condition=Q(longitude__gte=-180) & Q(longitude__lte=180),
                                   name="forces_exercise_place_longitude"),
        ]

    def __str__(self) -> str:
        return self.name

    name = Translated("name")


class ExercisePhase(models.Model):
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="phases")
    order = models.PositiveSmallIntegerField(_("order"))
    name_ru = models.CharField(_("phase (Russian)"), max_length=200)
    name_en = models.CharField(_("phase (English)"), max_length=200)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering: ClassVar = ["exercise", "order"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="forces_exercise_phase_ends_after_start"),
            models.UniqueConstraint(fields=["exercise", "order"],
                                    name="forces_exercise_phase_order_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    name = Translated("name")


class Objective(models.Model):
    """What the exercise is to show, set against a task units must be able to perform."""

    class Task(models.TextChoices):
        REPEL_INCURSION = "repel_incursion", _("Repel an armed incursion")
        COUNTER_TERRORISM = "counter_terrorism", _("Counter-terrorist operation")
        COUNTER_DRUG = "counter_drug", _("Interdict drug trafficking")
        PEACEKEEPING = "peacekeeping", _("Peacekeeping")
        AIR_DEFENCE = "air_defence", _("Air defence")
        AIRBORNE = "airborne", _("Airborne deployment")
        COMMAND = "command", _("Command and control of a coalition grouping")
        EVACUATION = "evacuation", _("Evacuation and humanitarian relief")
        SPECIAL_OPERATIONS = "special_operations", _("Special operations")
        LOGISTICS = "logistics", _("Logistic support")

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField(_("number"))
    task = models.CharField(_("task"), max_length=24, choices=Task.choices)
    text_ru = models.TextField(_("objective (Russian)"))
    text_en = models.TextField(_("objective (English)"))

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering: ClassVar = ["exercise", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["exercise", "number"],
                                    name="forces_objective_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    text = Translated("text")


class ExerciseParticipant(LabelledModel):
    """A state, and one of its units where it names one, taking part with some strength. The
    state labels its own participation: it may show that it took part and keep its strength to
    itself by releasing this record more narrowly than the exercise."""

    label_source_fields = ("exercise",)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="participants")
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("state"))
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="exercise_participations", verbose_name=_("unit"))
    # What the state names when it does not name a unit of the registry (a staff, a ministry).
    contingent_ru = models.CharField(_("contingent (Russian)"), max_length=200, blank=True)
    contingent_en = models.CharField(_("contingent (English)"), max_length=200, blank=True)
    personnel = models.PositiveIntegerField(_("personnel"), null=True, blank=True)
    equipment = models.PositiveIntegerField(_("pieces of equipment"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering: ClassVar = ["exercise", "state__name_ru", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["exercise", "unit"], condition=Q(unit__isnull=False),
                                    name="forces_exercise_participant_unit_unique"),
        ]

    def __str__(self) -> str:
        return self.contingent or (str(self.unit) if self.unit else str(self.state))

    contingent = Translated("contingent")


class Evaluation(LabelledModel):
    """An evaluator's rating of a participating unit on one objective. It tells what the
    participation tells, and no one else: labelled at least as high as the participation."""

    label_source_fields = ("participant",)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="evaluations")
    participant = models.ForeignKey(ExerciseParticipant, on_delete=models.PROTECT,
                                    related_name="evaluations", verbose_name=_("participant"))
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="evaluations",
                                  verbose_name=_("objective"))
    # On the readiness scale, so that the ratings become the unit's training readiness as they are.
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Level.choices)
    remarks = models.TextField(_("remarks"), blank=True)
    evaluated_on = models.DateField(_("evaluated on"))
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("evaluator"))

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering: ClassVar = ["exercise", "participant", "objective__number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["participant", "objective"],
                                    name="forces_evaluation_once_per_objective"),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.objective.number} — {self.get_rating_display()}"


class Lesson(LabelledModel):
    """An observation made in an exercise, carried to a lesson learned: verified, identified as
    a lesson, answered by a remedial action that an addressee carries out by a deadline (and is
    overdue past it, as a council instruction is), and finally learned."""

    class Status(models.TextChoices):
        OBSERVATION = "observation", _("Observation")
        VERIFIED = "verified", _("Verified")
        IDENTIFIED = "identified", _("Lesson identified")
        ACTION = "action", _("Remedial action")
        LEARNED = "learned", _("Lesson learned")

    class Addressee(models.TextChoices):
        BODY = "body", _("A body")
        SECRETARIAT = "secretariat", _("The Secretariat")
        STATE = "state", _("A member state")
        ALL_STATES = "all_states", _("All member states")

    class ActionStatus(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        OVERDUE = "overdue", _("Overdue")

    OPEN_ACTION: ClassVar[tuple[str, ...]] = ("assigned", "in_progress", "overdue")

    label_source_fields = ("exercise",)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="lessons")
    number = models.PositiveSmallIntegerField(_("number"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.OBSERVATION)
    observation_ru = models.TextField(_("observation (Russian)"), blank=True)
    observation_en = models.TextField(_("observation (English)"), blank=True)
    lesson_ru = models.TextField(_("lesson (Russian)"), blank=True)
    lesson_en = models.TextField(_("lesson (English)"), blank=True)
    action_ru = models.TextField(_("remedial action (Russian)"), blank=True)
    action_en = models.TextField(_("remedial action (English)"), blank=True)
    addressee_kind = models.CharField(_("addressee"), max_length=16, choices=Addressee.choices,
                                      blank=True)
    addressee_body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("body addressed"))
    addressee_state = models.ForeignKey(MemberState, null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+",
                                        verbose_name=_("state addressed"))
    due_on = models.DateField(_("deadline"), null=True, blank=True)
    action_status = models.CharField(_("status of the action"), max_length=16, blank=True,
                                     choices=ActionStatus.choices)
    action_report = models.TextField(_("report on the action"), blank=True)
    overdue_notified_on = models.DateField(null=True, blank=True)
    observed_by = models.ForeignKey(Party, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("observed by"))
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering: ClassVar = ["exercise", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["exercise", "number"],
                                    name="forces_lesson_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.exercise.name}/{self.number}" if self.exercise_id else f"№ {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("forces:lesson-detail", args=[self.public_id])

    observation = Translated("observation")

    lesson = Translated("lesson")

    action = Translated("action")

    @property
    def action_open(self) -> bool:
        return self.status == Lesson.Status.ACTION and self.action_status in Lesson.OPEN_ACTION

    def action_status_on(self, day: date) -> str:
        """The action's status on `day`: an open action past its deadline is overdue then,
        whether or not the nightly check has flagged it yet."""
        if self.action_open and self.due_on is not None and self.due_on < day:
            return Lesson.ActionStatus.OVERDUE
        return self.action_status
