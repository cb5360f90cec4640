"""Sessions of the bodies, their agendas, the documents they consider with parallel language texts,
the states' positions and the consensus outcomes, signatures, treaty status, and instructions with
their implementation."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel, Party, localized
from concord.registry.models import Body, MemberState, Official, Position

LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]


class Session(LabelledModel):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("Regular")
        EXTRAORDINARY = "extraordinary", _("Extraordinary")
        INFORMAL = "informal", _("Informal")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONVENED = "convened", _("Convened")
        HELD = "held", _("Held")
        CLOSED = "closed", _("Closed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="sessions",
                             verbose_name=_("body"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.REGULAR)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    place_ru = models.CharField(_("place (Russian)"), max_length=200)
    place_en = models.CharField(_("place (English)"), max_length=200)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    # "The second half of 2014": the dates bound a period that the session is to fall in.
    dates_tentative = models.BooleanField(_("dates are only a period"), default=False)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Moscow")
    chair = models.ForeignKey(MemberState, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="chaired_sessions", verbose_name=_("chair state"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.PLANNED)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("previous session"))
    # What the press reported, kept beside what Concord holds (the seed: "8 documents were signed").
    reported_signed_count = models.PositiveSmallIntegerField(
        _("documents signed, as reported"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering: ClassVar = ["-starts_on", "body__order"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="council_session_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("council:session-detail", args=[self.public_id])

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def place(self) -> str:
        return localized(self, "place")

    @property
    def takes_formal_decisions(self) -> bool:
        return self.kind != Session.Kind.INFORMAL


class Participant(models.Model):
    """Who took part: a state's delegation and the office its head holds, or an official of the
    organization (the Secretary General, the Chief of the Joint Staff)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="participants")
    state = models.ForeignKey(MemberState, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("state"))
    position = models.ForeignKey(Position, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("office"))
    official = models.ForeignKey(Official, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("official"))
    is_head_of_delegation = models.BooleanField(_("head of delegation"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering: ClassVar = ["session", "order", "id"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(state__isnull=False) | Q(official__isnull=False),
                                   name="council_participant_is_someone"),
        ]

    def __str__(self) -> str:
        return str(self.official or self.state)


class Document(LabelledModel):
    class Type(models.TextChoices):
        DECISION = "decision", _("Decision")
        STATEMENT = "statement", _("Statement")
        DECLARATION = "declaration", _("Declaration")
        COMMUNIQUE = "communique", _("Communiqué")
        AGREEMENT = "agreement", _("Agreement (treaty)")
        PROTOCOL = "protocol", _("Protocol")
        REPORT = "report", _("Report")
        PLAN = "plan", _("Plan")
        INSTRUCTION_LIST = "instruction_list", _("Instruction list")
        SUMMARY = "summary", _("Summary")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CIRCULATING = "circulating", _("Under silence procedure")
        ADOPTED = "adopted", _("Adopted")
        NOT_ADOPTED = "not_adopted", _("Not adopted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # The symbol's middle part per type; decisions, the commonest, carry none (CSC/2013/04).
    SYMBOL_INFIX: ClassVar[dict[str, str]] = {
        "decision": "", "statement": "ST", "declaration": "DCL", "communique": "COM",
        "agreement": "AGR", "protocol": "PRT", "report": "REP", "plan": "PLN",
        "instruction_list": "INS", "summary": "SUM",
    }

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("session",)
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="documents",
                             verbose_name=_("adopting body"))
    doc_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    serial = models.PositiveIntegerField(_("number"))
    symbol = models.CharField(_("symbol"), max_length=40, unique=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.DRAFT)
    session = models.ForeignKey(Session, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="documents", verbose_name=_("session"))
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    place_ru = models.CharField(_("place (Russian)"), max_length=200, blank=True)
    place_en = models.CharField(_("place (English)"), max_length=200, blank=True)
    # Agreements: how many instruments of ratification bring it into force, and how long after.
    ratifications_required = models.PositiveSmallIntegerField(
        _("ratifications required for entry into force"), null=True, blank=True)
    entry_into_force_delay_days = models.PositiveSmallIntegerField(
        _("days from the last required deposit to entry into force"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering: ClassVar = ["-year", "body__order", "doc_type", "-serial"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["body", "year", "doc_type", "serial"],
                                    name="council_document_number_unique"),
        ]
        indexes: ClassVar = [models.Index(fields=["status", "year"])]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("council:document-detail", args=[self.public_id])

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def place(self) -> str:
        return localized(self, "place")

    @property
    def is_locked(self) -> bool:
        return self.status == Document.Status.ADOPTED


class AgendaItem(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda_items")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="children", verbose_name=_("under item"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500)
    rapporteur = models.ForeignKey(Official, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("rapporteur"))
    rapporteur_position = models.ForeignKey(Position, null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="+",
                                            verbose_name=_("rapporteur's office"))
    documents = models.ManyToManyField(Document, blank=True, related_name="agenda_items",
                                       verbose_name=_("documents considered"))
    outcome_ru = models.TextField(_("outcome (Russian)"), blank=True)
    outcome_en = models.TextField(_("outcome (English)"), blank=True)
    # The item every session gets by itself: the report on the previous session's decisions.
    is_implementation_report = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering: ClassVar = ["session", "order", "id"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=~Q(parent=F("pk")),
                                   name="council_item_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def outcome(self) -> str:
        return localized(self, "outcome")


class DocumentText(models.Model):
    """One version of one language's text. At adoption the latest version of each language
    becomes authentic: locked, with the SHA-256 of its UTF-8 bytes recorded."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    version = models.PositiveSmallIntegerField(_("version"))
    body = models.TextField(_("text"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    is_authentic = models.BooleanField(_("authentic text"), default=False)
    sha256 = models.CharField(_("SHA-256 at adoption"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")
        ordering: ClassVar = ["document", "language", "version"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "language", "version"],
                                    name="council_text_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.language} v{self.version}"


class StatePosition(models.Model):
    """A member state's position on a draft before one body."""

    class Stance(models.TextChoices):
        CONCURS = "concurs", _("Concurs")
        OBJECTS = "objects", _("Objects")
        ABSTAINS = "abstains", _("Abstains")
        NOT_PARTICIPATING = "not_participating", _("Declares non-participation")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="positions")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="+")
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("state"))
    stance = models.CharField(_("position"), max_length=20, choices=Stance.choices)
    reason = models.TextField(_("reason or reservation"), blank=True)
    recorded_at = models.DateTimeField(auto_now=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("state position")
        verbose_name_plural = _("state positions")
        ordering: ClassVar = ["document", "body", "state__name_ru"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "body", "state"],
                                    name="council_one_position_per_state"),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.stance}"


class Procedure(models.TextChoices):
    SESSION = "session", _("At a session")
    SILENCE = "silence", _("Silence procedure")


class ConsensusOutcome(models.Model):
    """What the consensus rule found for a draft before one body, and why: one row per decision
    taken, so that a draft's path through several bodies is recorded on the document."""

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        NOT_ADOPTED = "not_adopted", _("Not adopted")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="outcomes")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("body"))
    session = models.ForeignKey(Session, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    procedure = models.CharField(_("procedure"), max_length=16, choices=Procedure.choices)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    ground_ru = models.TextField(_("ground (Russian)"))
    ground_en = models.TextField(_("ground (English)"))
    not_bound = models.JSONField(_("states not bound"), default=list)
    decided_on = models.DateField(_("decided on"))
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("consensus outcome")
        verbose_name_plural = _("consensus outcomes")
        ordering: ClassVar = ["document", "decided_on", "id"]

    def __str__(self) -> str:
        return f"{self.body}: {self.outcome}"

    @property
    def ground(self) -> str:
        return localized(self, "ground")


class SilenceProcedure(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        ADOPTED = "adopted", _("Adopted at the deadline")
        BROKEN = "broken", _("Silence broken")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="silences")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(_("deadline"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.RUNNING)
    broken_by = models.ForeignKey(MemberState, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("broken by"))
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("silence procedure")
        verbose_name_plural = _("silence procedures")
        ordering: ClassVar = ["-started_at"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document"], condition=Q(status="running"),
                                    name="council_one_running_silence"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} until {self.deadline:%Y-%m-%d %H:%M}"


class SignerKey(models.Model):
    """A signer's Ed25519 public key. The private half never enters the database: it stays with
    the signer (for the demo, in a file under the var directory named by the fingerprint)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="signer_keys",
                                 verbose_name=_("official"))
    state = models.ForeignKey(MemberState, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("state"))
    public_key = models.CharField(_("public key (base64)"), max_length=64)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("signer key")
        verbose_name_plural = _("signer keys")
        ordering: ClassVar = ["official", "-created_at"]

    def __str__(self) -> str:
        return f"{self.official} {self.fingerprint[:16]}"


class Signature(models.Model):
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="signatures")
    key = models.ForeignKey(SignerKey, on_delete=models.PROTECT, related_name="signatures")
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="+")
    state = models.ForeignKey(MemberState, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    signed_on = models.DateField(_("signed on"))
    payload = models.TextField(_("signed statement (canonical JSON)"))
    signature = models.CharField(_("signature (base64)"), max_length=128)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering: ClassVar = ["document", "signed_on", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "official"],
                                    name="council_one_signature_per_signer"),
        ]

    def __str__(self) -> str:
        return f"{self.official} on {self.signed_on}"


class TreatyAction(models.Model):
    """A state's steps on an agreement, as the UN Treaty Collection tabulates them."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="treaty_actions")
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("state"))
    signed_on = models.DateField(_("signed"), null=True, blank=True)
    ratified_on = models.DateField(_("ratified"), null=True, blank=True)
    deposited_on = models.DateField(_("instrument deposited"), null=True, blank=True)
    reservations = models.TextField(_("reservations and declarations"), blank=True)

    class Meta:
        verbose_name = _("treaty status")
        verbose_name_plural = _("treaty status")
        ordering: ClassVar = ["document", "state__name_ru"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "state"], name="council_treaty_state_unique"),
            models.CheckConstraint(
                condition=Q(deposited_on__isnull=True) | Q(ratified_on__isnull=False),
                name="council_deposit_after_ratification"),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.document_id}"


class Instruction(LabelledModel):
    """What a decision tells someone to do. Labelled at least as high as its decision."""

    class Addressee(models.TextChoices):
        BODY = "body", _("A body")
        SECRETARIAT = "secretariat", _("The Secretariat")
        STATE = "state", _("A member state")
        ALL_STATES = "all_states", _("All member states")

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        OVERDUE = "overdue", _("Overdue")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN: ClassVar[tuple[str, ...]] = ("assigned", "in_progress", "overdue")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("document",)
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="instructions",
                                 verbose_name=_("decision"))
    number = models.PositiveSmallIntegerField(_("number"))
    text_ru = models.TextField(_("text (Russian)"))
    text_en = models.TextField(_("text (English)"))
    addressee_kind = models.CharField(_("addressee"), max_length=16, choices=Addressee.choices)
    addressee_body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("body addressed"))
    addressee_state = models.ForeignKey(MemberState, null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+",
                                        verbose_name=_("state addressed"))
    deadline_on = models.DateField(_("fixed deadline"), null=True, blank=True)
    deadline_months = models.PositiveSmallIntegerField(_("within months of adoption"), null=True,
                                                       blank=True)
    deadline_days = models.PositiveSmallIntegerField(_("within days of adoption"), null=True,
                                                     blank=True)
    # Resolved from the relative deadline once the decision is adopted.
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.ASSIGNED)
    overdue_notified_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("instruction")
        verbose_name_plural = _("instructions")
        ordering: ClassVar = ["document", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "number"],
                                    name="council_instruction_number_unique"),
            models.CheckConstraint(
                condition=Q(deadline_on__isnull=True)
                | (Q(deadline_months__isnull=True) & Q(deadline_days__isnull=True)),
                name="council_instruction_one_kind_of_deadline"),
        ]

    def __str__(self) -> str:
        # Read for a viewer who may not read its decision, the instruction has no decision.
        document = self.document
        return f"{document.symbol}/{self.number}" if document else f"№ {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("council:instruction-detail", args=[self.public_id])

    @property
    def text(self) -> str:
        return localized(self, "text")

    @property
    def is_open(self) -> bool:
        return self.status in Instruction.OPEN


class ProgressReport(models.Model):
    """An addressee's report on an instruction; seen by whoever may see the instruction."""

    instruction = models.ForeignKey(Instruction, on_delete=models.PROTECT, related_name="reports")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("report"))
    status_after = models.CharField(_("status after the report"), max_length=16,
                                    choices=Instruction.Status.choices)
    reported_at = models.DateTimeField(auto_now_add=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering: ClassVar = ["instruction", "reported_at", "id"]

    def __str__(self) -> str:
        return f"{self.party}: {self.status_after}"


class ImplementationReport(LabelledModel):
    """The Secretary General's report to a session on the previous session's decisions:
    generated from their instructions, then edited. Labelled at least as high as them all."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Its title names the session it covers: no one who may not read that session reads it.
    label_source_fields = ("covers",)
    session = models.ForeignKey(Session, on_delete=models.PROTECT,
                                related_name="implementation_reports")
    covers = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("decisions of"))
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    introduction_ru = models.TextField(_("introduction (Russian)"), blank=True)
    introduction_en = models.TextField(_("introduction (English)"), blank=True)
    generated_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("implementation report")
        verbose_name_plural = _("implementation reports")
        ordering: ClassVar = ["-generated_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("council:report-detail", args=[self.public_id])

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def introduction(self) -> str:
        return localized(self, "introduction")


class ImplementationEntry(models.Model):
    report = models.ForeignKey(ImplementationReport, on_delete=models.CASCADE,
                               related_name="entries")
    instruction = models.ForeignKey(Instruction, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(_("status"), max_length=16, choices=Instruction.Status.choices)
    text_ru = models.TextField(_("assessment (Russian)"), blank=True)
    text_en = models.TextField(_("assessment (English)"), blank=True)

    class Meta:
        verbose_name = _("report entry")
        verbose_name_plural = _("report entries")
        ordering: ClassVar = ["report", "order"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.instruction_id}"

    @property
    def text(self) -> str:
        return localized(self, "text")
