"""The crisis API's shapes."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from concord.core.labels import Classification
from concord.core.schemas import ClassificationCode, classification_default
from concord.council.models import Session, SilenceProcedure
from concord.crisis.models import Case, DutyPosition, Facility, LogEntry, Task
from concord.crisis.selectors.review import LessonRow
from concord.forces.models import Contribution


class CaseFilterIn(Schema):
    q: str = Field("", description="Words of the title or the legal basis")
    type: list[str] = []
    phase: list[str] = []
    severity: list[str] = []
    state: str = Field("", description="Code of an affected state")
    sort: str = Field("", description="opened, phase, severity or type (default -opened)")


class CaseOut(Schema):
    id: UUID
    title: str
    type: str
    severity: str
    phase: str
    opened_from: str
    affected_states: list[str]
    legal_basis: str
    latitude: float | None
    longitude: float | None
    radius_km: float | None
    opened_at: datetime
    closed_at: datetime | None
    classification: ClassificationCode
    url: str

    @staticmethod
    def resolve_id(case: Case) -> UUID:
        return case.public_id

    @staticmethod
    def resolve_affected_states(case: Case) -> list[str]:
        return [state.code for state in case.affected_states.all()]

    @staticmethod
    def resolve_classification(case: Case) -> Classification:
        return Classification(case.classification)

    @staticmethod
    def resolve_url(case: Case) -> str:
        return case.get_absolute_url()


class CaseIn(Schema):
    title: str
    type: str = Field(description="aggression, terrorism, unrest, natural or man_made")
    severity: str = Field(description="minor, moderate, severe or extreme")
    affected_states: list[str] = Field(description="Codes of the affected states")
    legal_basis: str = ""
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float | None = None
    classification: ClassificationCode = classification_default(Classification.OFFICIAL_USE)
    release_to_all_members: bool = True
    releasable_to: list[str] = []


class AdvanceIn(Schema):
    to_phase: str
    note: str = ""


class LogEntryOut(Schema):
    id: int
    at: datetime
    who: str
    position: str
    party: str
    stream: str
    action: str
    what: str
    link_type: str
    link_id: str
    significant: bool
    audit_seq: int | None
    classification: ClassificationCode

    @staticmethod
    def resolve_id(entry: LogEntry) -> int:
        return entry.pk

    @staticmethod
    def resolve_who(entry: LogEntry) -> str:
        return entry.actor_name

    @staticmethod
    def resolve_party(entry: LogEntry) -> str:
        return entry.party_code

    @staticmethod
    def resolve_classification(entry: LogEntry) -> Classification:
        return Classification(entry.classification)


class LogOut(Schema):
    entries: list[LogEntryOut]
    withheld: int


class LogEntryIn(Schema):
    text: str
    significant: bool = False


class TaskOut(Schema):
    id: int
    title: str
    owner: str | None
    contingent: str | None
    deadline: datetime | None
    status: str

    @staticmethod
    def resolve_id(task: Task) -> int:
        return task.pk

    @staticmethod
    def resolve_owner(task: Task) -> str | None:
        return task.owner.get_username() if task.owner is not None else None

    @staticmethod
    def resolve_contingent(task: Task) -> str | None:
        return task.contingent.code if task.contingent is not None else None


class FactOut(Schema):
    kind: str
    label: str
    at: datetime | None
    hours: float | None


class CaseLessonOut(Schema):
    number: int
    status: str
    observation: str
    lesson: str
    action: str
    addressee: str | None
    due_on: date | None
    overdue: bool
    learned_on: date | None

    @staticmethod
    def resolve_addressee(row: LessonRow) -> str | None:
        return row.lesson.addressee.code if row.lesson.addressee is not None else None

    @staticmethod
    def resolve_number(row: LessonRow) -> int:
        return row.lesson.number

    @staticmethod
    def resolve_status(row: LessonRow) -> str:
        return row.lesson.status

    @staticmethod
    def resolve_observation(row: LessonRow) -> str:
        return row.lesson.observation

    @staticmethod
    def resolve_lesson(row: LessonRow) -> str:
        return row.lesson.lesson

    @staticmethod
    def resolve_action(row: LessonRow) -> str:
        return row.lesson.action

    @staticmethod
    def resolve_due_on(row: LessonRow) -> date | None:
        return row.lesson.due_on

    @staticmethod
    def resolve_learned_on(row: LessonRow) -> date | None:
        return row.lesson.learned_on


class CaseReviewOut(Schema):
    went_as_planned: str
    went_otherwise: str
    written_at: datetime | None
    lessons: list[CaseLessonOut]


class CaseDeploymentIn(Schema):
    """A contribution named, or one earmarked here of `unit` to `formation` from
    `period_from`."""

    instruction: UUID
    contribution: UUID | None = None
    formation: str | None = Field(None, description="The formation's code")
    unit: UUID | None = None
    period_from: date | None = None


class CaseDeploymentOut(Schema):
    id: UUID
    unit: str
    state: str
    formation: str
    status: str
    status_since: date
    classification: ClassificationCode

    @staticmethod
    def resolve_id(contribution: Contribution) -> UUID:
        return contribution.public_id

    @staticmethod
    def resolve_unit(contribution: Contribution) -> str:
        return contribution.unit.name

    @staticmethod
    def resolve_state(contribution: Contribution) -> str:
        return contribution.state.party.code

    @staticmethod
    def resolve_formation(contribution: Contribution) -> str:
        return contribution.formation.code

    @staticmethod
    def resolve_classification(contribution: Contribution) -> Classification:
        return Classification(contribution.classification)


class DutyOut(Schema):
    id: int
    position: str
    person: str
    shift_start: datetime
    shift_end: datetime | None

    @staticmethod
    def resolve_id(duty: DutyPosition) -> int:
        return duty.pk

    @staticmethod
    def resolve_person(duty: DutyPosition) -> str:
        return duty.person.get_username()


class DutyIn(Schema):
    position: str
    person: str = Field(description="The username of the person on duty")
    shift_start: datetime
    shift_end: datetime | None = None


class TaskIn(Schema):
    title: str
    owner: str | None = Field(None, description="The username of the task's owner")
    contingent: str | None = Field(None, description="Code of the contingent's state")
    deadline: datetime | None = None


class TaskStatusIn(Schema):
    status: str = Field(description="open, done or cancelled")


class FacilityOut(Schema):
    id: int
    name: str
    contingent: str
    status: str
    latitude: float | None
    longitude: float | None

    @staticmethod
    def resolve_id(facility: Facility) -> int:
        return facility.pk

    @staticmethod
    def resolve_contingent(facility: Facility) -> str:
        return facility.contingent.code


class FacilityIn(Schema):
    name: str
    contingent: str = Field(description="Code of the contingent's state")
    status: str = Field("assigned", description="assigned, guarded or handed_back")
    latitude: float | None = None
    longitude: float | None = None


class FacilityStatusIn(Schema):
    status: str = Field(description="assigned, guarded (taken under protection) or handed_back")


class CaseSessionIn(Schema):
    body: str = Field(description="The code of the body convened")
    starts_on: date
    place_ru: str = ""
    place_en: str = ""


class CaseSessionOut(Schema):
    id: UUID
    body: str
    kind: str
    starts_on: date
    url: str

    @staticmethod
    def resolve_id(session: Session) -> UUID:
        return session.public_id

    @staticmethod
    def resolve_body(session: Session) -> str:
        return session.body.code

    @staticmethod
    def resolve_url(session: Session) -> str:
        return session.get_absolute_url()


class CaseSilenceIn(Schema):
    body: str = Field(description="The code of the body whose decision is sought")
    title_ru: str
    title_en: str = ""
    text_ru: str
    hours: int = Field(6, description="Hours until the procedure concludes, 1 to 72")


class CaseSilenceOut(Schema):
    document: UUID
    symbol: str
    body: str
    deadline: datetime
    status: str

    @staticmethod
    def resolve_document(silence: SilenceProcedure) -> UUID:
        return silence.document.public_id

    @staticmethod
    def resolve_symbol(silence: SilenceProcedure) -> str:
        return silence.document.symbol

    @staticmethod
    def resolve_body(silence: SilenceProcedure) -> str:
        return silence.body.code
