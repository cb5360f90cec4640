"""What the API says of exercises, their participants, evaluations and lessons, each read from its
model; levels and ratings by their codes (`fully` … `not_ready`), classifications likewise."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema

from concord.core.labels import Classification
from concord.core.schemas import ClassificationCode, classification_default
from concord.forces.models.exercises import Evaluation, Exercise, ExerciseParticipant, Lesson
from concord.forces.models.readiness import Level

# A rating's code is the readiness level's name: `fully`, `substantially`, `marginally`,
# `not_ready`.
LEVEL_CODES = {level: level.name.lower() for level in Level}
LEVEL_OF_CODE = {code: int(level) for level, code in LEVEL_CODES.items()}
# What the API marks every exercise record with, in every language: a code, not a sentence.
EXERCISE_MARKING = "EXERCISE"


class PlaceOut(Schema):
    name_ru: str
    name_en: str
    state: str
    latitude: Decimal
    longitude: Decimal

    @staticmethod
    def resolve_state(place: object) -> str:
        return str(place.state.iso_alpha2)  # type: ignore[attr-defined]


class ExercisePhaseOut(Schema):
    order: int
    name_ru: str
    name_en: str
    starts_on: date
    ends_on: date


class ObjectiveOut(Schema):
    number: int
    task: str
    text_ru: str
    text_en: str


class ExerciseOut(Schema):
    id: UUID
    name: str
    series_ru: str
    series_en: str
    year: int
    kind: str
    host_state: str
    starts_on: date
    ends_on: date
    status: str
    classification: ClassificationCode
    # Everything made in an exercise says so, so that no one counts it among real figures.
    marking: str = EXERCISE_MARKING
    url: str

    @staticmethod
    def resolve_id(exercise: Exercise) -> UUID:
        return exercise.public_id

    @staticmethod
    def resolve_name(exercise: Exercise) -> str:
        return f"{exercise.series_en}-{exercise.year}"

    @staticmethod
    def resolve_host_state(exercise: Exercise) -> str:
        return exercise.host_state.iso_alpha2

    @staticmethod
    def resolve_classification(exercise: Exercise) -> Classification:
        return Classification(exercise.classification)

    @staticmethod
    def resolve_url(exercise: Exercise) -> str:
        return exercise.get_absolute_url()


class ExerciseDetailOut(ExerciseOut):
    scenario_ru: str
    scenario_en: str
    source: str
    places: list[PlaceOut]
    phases: list[ExercisePhaseOut]
    objectives: list[ObjectiveOut]

    @staticmethod
    def resolve_places(exercise: Exercise) -> list[object]:
        return list(exercise.places.select_related("state"))

    @staticmethod
    def resolve_phases(exercise: Exercise) -> list[object]:
        return list(exercise.phases.all())

    @staticmethod
    def resolve_objectives(exercise: Exercise) -> list[object]:
        return list(exercise.objectives.all())


class ExerciseIn(Schema):
    series_ru: str
    series_en: str
    year: int = Field(..., ge=1992, le=2100)
    kind: str = Field(..., description="command_staff, joint, field, special_forces, anti_drug")
    host_state: str = Field(..., description="ISO 3166 alpha-2 code")
    starts_on: date
    ends_on: date
    scenario_ru: str = ""
    scenario_en: str = ""
    source: str = ""
    classification: ClassificationCode = classification_default(Classification.OFFICIAL_USE)
    release_to_all_members: bool = True


class StatusIn(Schema):
    status: str = Field(..., description="running, completed")


class ExerciseParticipantOut(Schema):
    id: UUID
    state: str
    unit: UUID | None
    contingent_ru: str
    contingent_en: str
    personnel: int | None
    equipment: int | None
    classification: ClassificationCode
    marking: str = EXERCISE_MARKING

    @staticmethod
    def resolve_id(participant: ExerciseParticipant) -> UUID:
        return participant.public_id

    @staticmethod
    def resolve_state(participant: ExerciseParticipant) -> str:
        return participant.state.iso_alpha2

    @staticmethod
    def resolve_unit(participant: ExerciseParticipant) -> UUID | None:
        # The relation is scoped: a unit the caller may not read is None.
        return participant.unit.public_id if participant.unit else None

    @staticmethod
    def resolve_classification(participant: ExerciseParticipant) -> Classification:
        return Classification(participant.classification)


class ExerciseParticipantIn(Schema):
    state: str = Field(..., description="ISO 3166 alpha-2 code")
    unit: UUID | None = None
    contingent_ru: str = ""
    contingent_en: str = ""
    personnel: int | None = Field(None, ge=0)
    equipment: int | None = Field(None, ge=0)
    classification: ClassificationCode | None = None
    release_to_all_members: bool | None = None


class EvaluationOut(Schema):
    participant: UUID
    objective: int
    rating: str
    remarks: str
    evaluated_on: date

    @staticmethod
    def resolve_participant(evaluation: Evaluation) -> UUID:
        return evaluation.participant.public_id

    @staticmethod
    def resolve_objective(evaluation: Evaluation) -> int:
        return evaluation.objective.number

    @staticmethod
    def resolve_rating(evaluation: Evaluation) -> str:
        return LEVEL_CODES[Level(evaluation.rating)]


class EvaluationIn(Schema):
    participant: UUID
    objective: int = Field(..., description="The objective's number in the exercise")
    rating: str = Field(..., description="fully, substantially, marginally, not_ready")
    remarks: str = ""
    evaluated_on: date | None = None


class EvaluatedOut(Schema):
    exercise: ExerciseOut
    readiness_reports: int


class LessonOut(Schema):
    id: UUID
    number: int
    status: str
    observation_ru: str
    observation_en: str
    lesson_ru: str
    lesson_en: str
    action_ru: str
    action_en: str
    addressee_kind: str
    addressee: str | None
    due_on: date | None
    action_status: str
    classification: ClassificationCode
    url: str

    @staticmethod
    def resolve_id(lesson: Lesson) -> UUID:
        return lesson.public_id

    @staticmethod
    def resolve_addressee(lesson: Lesson) -> str | None:
        if lesson.addressee_state:
            return lesson.addressee_state.iso_alpha2
        return lesson.addressee_body.code if lesson.addressee_body else None

    @staticmethod
    def resolve_classification(lesson: Lesson) -> Classification:
        return Classification(lesson.classification)

    @staticmethod
    def resolve_url(lesson: Lesson) -> str:
        return lesson.get_absolute_url()


class ObservationIn(Schema):
    observation_ru: str
    observation_en: str = ""
