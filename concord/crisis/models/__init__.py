"""The models of the crisis app, one module per concern, all imported here."""

from concord.crisis.models.cases import Case, CaseLink, ClockFact, PhaseChange
from concord.crisis.models.log import LogEntry, Stream
from concord.crisis.models.review import CaseLesson, Review
from concord.crisis.models.work import DutyPosition, Facility, Task

__all__ = ["Case", "CaseLesson", "CaseLink", "ClockFact", "DutyPosition", "Facility", "LogEntry",
           "PhaseChange", "Review", "Stream", "Task"]
