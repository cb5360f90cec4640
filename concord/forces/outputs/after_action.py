"""The after-action report of an exercise, laid out once as blocks and written as DOCX or PDF on A4,
in Russian or English, every page marked EXERCISE with the report's label and numbered.

The report says what its reader may read: the participants, ratings and lessons released to the
reader, and nothing of the others. Its label is therefore the widest that all of it allows."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from concord.core.actors import Viewer
from concord.core.errors import ValidationError
from concord.core.marking import Marking, marking_of, pdf_marker
from concord.core.models import Party
from concord.core.paper import MARGINS_MM, a4_docx, number_docx_pages, numbered_canvas
from concord.core.pdf import pdf_font
from concord.core.policy import audience_of, label_within
from concord.forces.models.exercises import Exercise, Lesson
from concord.forces.models.readiness import Level
from concord.forces.selectors.exercises import exercise_page
from concord.forces.services.exercises import training_rating

ORGANIZATION = {"ru": "Организация Договора о коллективной безопасности",
                "en": "Collective Security Treaty Organization"}


def exercise_word() -> str:
    """The word every page of an exercise's paper carries, so that no one takes it for the real
    thing: «УЧЕНИЕ», EXERCISE."""
    # Translators: stamped on every page made in an exercise, in capitals.
    return _("EXERCISE")


def exercise_marking(record: Any, language: str) -> Marking:
    with translation.override(language):
        marking = marking_of(record)
        return Marking(f"{exercise_word()} · {marking.classification} · {exercise_word()}",
                       marking.release)


@dataclass(frozen=True)
class _Parties:
    parties: list[Party]

    def all(self) -> list[Party]:
        return self.parties


@dataclass(frozen=True)
class PaperLabel:
    """The label of a report made of several records: what `marking_of` reads of a record."""

    classification: int
    originator: Party
    release_to_all_members: bool
    releasable_to: _Parties


def paper_label(records: list[Any], *, originator: Party, reader: Party | None) -> PaperLabel:
    """The widest label that every record the report is made of allows, for its originator; for
    the reader's party when the originator may not read all of them (a state's participation
    released to itself alone, read by that state)."""
    audience = audience_of(records)
    try:
        label = label_within(audience, originator=originator)
    except ValidationError:
        if reader is None:
            raise
        originator = reader
        label = label_within(audience, originator=originator)
    return PaperLabel(label.classification, originator, label.release_to_all_members,
                      _Parties(list(label.releasable_to)))


@dataclass
class Report:
    """The report's content in one language: a title and its sections, each a heading and
    paragraphs, and the label of all of it."""

    title: str
    subtitle: str
    label: PaperLabel
    sections: list[tuple[str, list[str]]] = field(default_factory=list)


def _iso(day: Any) -> str:
    return day.isoformat() if day else ""


def _participant_line(participant: Any) -> str:
    strength = []
    if participant.personnel is not None:
        strength.append(_("%(count)s personnel") % {"count": participant.personnel})
    if participant.equipment is not None:
        strength.append(_("%(count)s pieces of equipment") % {"count": participant.equipment})
    # A unit the reader may not read is absent: the participation reads as its contingent.
    who = participant.unit.name if participant.unit else participant.contingent
    line = f"{participant.state.name}: {who}"
    return f"{line} ({', '.join(strength)})" if strength else line


def _lesson_lines(lesson: Lesson) -> list[str]:
    lines = [_("Status: %(status)s") % {"status": lesson.get_status_display()},
             _("Observation: %(text)s") % {"text": lesson.observation}]
    if lesson.lesson:
        lines.append(_("Lesson: %(text)s") % {"text": lesson.lesson})
    if lesson.action:
        addressee = (lesson.addressee_state.name if lesson.addressee_state
                     else lesson.addressee_body.name if lesson.addressee_body
                     else lesson.get_addressee_kind_display())
        lines.append(_("Remedial action: %(text)s (%(addressee)s, by %(due)s; %(status)s)") % {
            "text": lesson.action, "addressee": addressee, "due": _iso(lesson.due_on),
            "status": lesson.get_action_status_display()})
    return lines


def report_content(*, viewer: Viewer, exercise: Exercise, language: str) -> Report:
    with translation.override(language):
        page = exercise_page(viewer=viewer, exercise=exercise)
        records = [exercise, *page["participants"], *page["lessons"],
                   *[e for p in page["participants"] for e in p.evaluations.all()]]
        party = getattr(viewer, "party", None)
        report = Report(
            label=paper_label(records, originator=exercise.originator,
                              reader=party if isinstance(party, Party) else None),
            title=_("After-action report: exercise “%(name)s”") % {"name": exercise.name},
            subtitle=f"{exercise.get_kind_display()} · {exercise.host_state.name} · "
                     f"{_iso(exercise.starts_on)} — {_iso(exercise.ends_on)}")
        places = [f"{p.name} ({p.state.name}; {p.latitude}, {p.longitude})"
                  for p in page["places"]]
        report.sections.append((_("Exercise areas"), places or [_("No area is recorded.")]))
        if exercise.scenario:
            report.sections.append((_("Scenario"), [exercise.scenario]))
        report.sections.append((_("Phases"), [
            f"{p.order}. {p.name}: {_iso(p.starts_on)} — {_iso(p.ends_on)}"
            for p in page["phases"]] or [_("No phase is recorded.")]))
        strength = page["strength"]
        report.sections.append((_("Participants"), [
            *[_participant_line(p) for p in page["participants"]],
            _("In all: %(states)s states, %(personnel)s personnel, %(equipment)s pieces of "
              "equipment (exercise figures, not forces on hand).") % {
                "states": strength.states, "personnel": strength.personnel,
                "equipment": strength.equipment}]))
        report.sections.append((_("Objectives"), [
            f"{o.number}. {o.text} ({o.get_task_display()})" for o in page["objectives"]]
            or [_("No objective is recorded.")]))
        report.sections.append((_("Evaluation"), _evaluation_lines(page["participants"])))
        report.sections.append((_("Lessons"), [
            f"{exercise.name}/{lesson.number}. " + " ".join(_lesson_lines(lesson))
            for lesson in page["lessons"]] or [_("No lesson is recorded.")]))
        if exercise.source:
            report.sections.append((_("Sources"), [exercise.source]))
    return report


def _evaluation_lines(participants: list[Any]) -> list[str]:
    lines = []
    for participant in participants:
        evaluations = list(participant.evaluations.all())
        if not evaluations:
            continue
        worst = training_rating(e.rating for e in evaluations)
        ratings = "; ".join(f"{e.objective.number}: {e.get_rating_display()}" for e in evaluations)
        lines.append(_("%(unit)s — %(ratings)s. Training readiness: %(level)s.") % {
            "unit": _participant_line(participant), "ratings": ratings,
            "level": Level(worst).label if worst is not None else ""})
    return lines or [_("No unit has been rated.")]


def after_action_docx(*, viewer: Viewer, exercise: Exercise, language: str) -> bytes:
    report = report_content(viewer=viewer, exercise=exercise, language=language)
    # python-docx is loaded by the Word writers only.
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415

    from concord.core.marking import mark_docx  # noqa: PLC0415

    with translation.override(language):
        docx = a4_docx()
        mark_docx(docx, exercise_marking(report.label, language))
        number_docx_pages(docx)
    head = docx.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run(ORGANIZATION[language].upper()).bold = True
    docx.add_heading(report.title, level=1)
    docx.add_paragraph(report.subtitle).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for heading, paragraphs in report.sections:
        docx.add_heading(heading, level=2)
        for text in paragraphs:
            docx.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def after_action_pdf(*, viewer: Viewer, exercise: Exercise, language: str) -> bytes:
    report = report_content(viewer=viewer, exercise=exercise, language=language)
    font = pdf_font(serif=True)
    styles = {
        "head": ParagraphStyle("head", fontName=font, fontSize=12, leading=16,
                               alignment=TA_CENTER),
        "title": ParagraphStyle("title", fontName=font, fontSize=14, leading=18,
                                alignment=TA_CENTER, spaceBefore=6, spaceAfter=6),
        "heading": ParagraphStyle("heading", fontName=font, fontSize=12, leading=16,
                                  spaceBefore=10, alignment=TA_LEFT, keepWithNext=True),
        "body": ParagraphStyle("body", fontName=font, fontSize=11, leading=15,
                               alignment=TA_JUSTIFY, spaceAfter=3),
    }
    story: list[Any] = [Paragraph(escape(ORGANIZATION[language].upper()), styles["head"]),
                        Spacer(1, 6 * mm), Paragraph(escape(report.title), styles["title"]),
                        Paragraph(escape(report.subtitle), styles["head"])]
    for heading, paragraphs in report.sections:
        story.append(Paragraph(escape(heading), styles["heading"]))
        story += [Paragraph(escape(text), styles["body"]) for text in paragraphs]
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGINS_MM["left"] * mm,
                            rightMargin=MARGINS_MM["right"] * mm,
                            topMargin=MARGINS_MM["top"] * mm,
                            bottomMargin=MARGINS_MM["bottom"] * mm, title=report.title)
    page = pdf_marker(exercise_marking(report.label, language), font=font, top=A4[1] - 10 * mm,
                      bottom=10 * mm)
    with translation.override(language):
        canvas = numbered_canvas(font=font)
    pdf.build(story, onFirstPage=page, onLaterPages=page, canvasmaker=canvas)
    return buffer.getvalue()
