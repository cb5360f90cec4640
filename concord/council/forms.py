from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django import forms
from django.db.models import Case, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.forms import release_field
from concord.core.labels import Classification
from concord.core.widgets import DateInput, DateTimeInput, TimeZoneField
from concord.council import signing
from concord.council.models import (
    LANGUAGES,
    AgendaItem,
    Document,
    Instruction,
    Session,
    SignerKey,
    StatePosition,
)
from concord.registry.models import Body, MemberState, Official, Position

if TYPE_CHECKING:
    from concord.council.selectors import AgendaEntry


class PositionForm(forms.Form):
    state = forms.CharField(widget=forms.HiddenInput)
    stance = forms.ChoiceField(label=pgettext_lazy("a state's stance on a draft", "Position"),
                               choices=StatePosition.Stance.choices,
                               error_messages={"required": _("Choose the state's position.")})
    reason = forms.CharField(label=_("Reason or reservation"), required=False, max_length=2000)


class DecisionForm(forms.Form):
    confirm_refusal = forms.BooleanField(
        required=False, label=_("I confirm that the draft is recorded as not adopted"))


class SessionStatusForm(forms.Form):
    # The service names a status the session cannot move to.
    status = forms.CharField(label=_("Status"), max_length=20)


class TextForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea({"rows": 14}))
    note = forms.CharField(label=_("What changed"), required=False, max_length=300)


class ProgressReportForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[
        (Instruction.Status.IN_PROGRESS, Instruction.Status.IN_PROGRESS.label),
        (Instruction.Status.DONE, Instruction.Status.DONE.label)])
    text = forms.CharField(label=_("Report"), widget=forms.Textarea({"rows": 4}))


class ReportEntryForm(forms.Form):
    text_ru = forms.CharField(label=_("Assessment (Russian)"), widget=forms.Textarea({"rows": 5}))
    text_en = forms.CharField(label=_("Assessment (English)"), widget=forms.Textarea({"rows": 5}))


DATE = DateInput()


class SessionForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.filter(takes_decisions=True),
                                  to_field_name="code")
    kind = forms.ChoiceField(label=_("Kind"), choices=Session.Kind.choices)
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300)
    place_ru = forms.CharField(label=_("Place (Russian)"), max_length=200)
    place_en = forms.CharField(label=_("Place (English)"), max_length=200)
    starts_on = forms.DateField(label=_("First day"), widget=DATE)
    ends_on = forms.DateField(label=_("Last day"), widget=DATE, required=False)
    dates_tentative = forms.BooleanField(label=_("The dates only bound a period"), required=False)
    time_zone = TimeZoneField(label=_("Time zone"))
    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices,
                                            initial=Classification.PUBLIC)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False, initial=True)
    releasable_to = release_field()


class DocumentForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Type"), choices=Document.Type.choices)
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=500)
    title_en = forms.CharField(label=_("Title (English)"), max_length=500)
    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices,
                                            initial=Classification.OFFICIAL_USE)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False, initial=True)
    releasable_to = release_field()
    text_ru = forms.CharField(label=_("Text (Russian)"), widget=forms.Textarea({"rows": 8}),
                              required=False)
    text_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea({"rows": 8}),
                              required=False)


class InstructionForm(forms.Form):
    text_ru = forms.CharField(label=_("Text (Russian)"), widget=forms.Textarea({"rows": 3}))
    text_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea({"rows": 3}))
    addressee_kind = forms.ChoiceField(label=_("Addressee"), choices=Instruction.Addressee.choices)
    addressee_body = forms.ModelChoiceField(label=_("Body addressed"), required=False,
                                            queryset=Body.objects.all(), to_field_name="code")
    addressee_state = forms.ModelChoiceField(label=_("State addressed"), required=False,
                                             queryset=MemberState.objects.all(),
                                             to_field_name="iso_alpha2")
    deadline_on = forms.DateField(label=_("Fixed deadline"), widget=DATE, required=False)
    deadline_months = forms.IntegerField(label=_("Within months of adoption"), min_value=1,
                                         max_value=120, required=False)
    deadline_days = forms.IntegerField(label=_("Within days of adoption"), min_value=1,
                                       max_value=3650, required=False)


class ParticipantForm(forms.Form):
    state = forms.ModelChoiceField(label=_("State"), required=False,
                                   queryset=MemberState.objects.all(), to_field_name="iso_alpha2")
    official = forms.ModelChoiceField(label=_("Official"), required=False,
                                      queryset=Official.objects.all(), to_field_name="public_id")
    position = forms.ModelChoiceField(label=_("Office"), required=False,
                                      queryset=Position.objects.select_related("body"))
    is_head_of_delegation = forms.BooleanField(label=_("Head of delegation"), required=False)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(label=_("Direction"), choices=[("up", _("Up")),
                                                                  ("down", _("Down"))])


class AgendaItemChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """An item of a session's agenda, offered as the agenda reads: in its order, each with its
    number ("2.1. …"), since titles alone repeat and hide which item is under which."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=AgendaItem.objects.none(), **kwargs)
        self.numbers: dict[int, str] = {}

    def offer(self, agenda: Sequence[AgendaEntry]) -> None:
        """Offers the items of `agenda` (as the viewer reads it), in its order."""
        self.numbers = {entry.item.pk: entry.number for entry in agenda}
        if not self.numbers:
            self.queryset = AgendaItem.objects.none()
            return
        place = [When(pk=pk, then=Value(index)) for index, pk in enumerate(self.numbers)]
        self.queryset = AgendaItem.objects.filter(pk__in=list(self.numbers)).order_by(
            Case(*place, default=Value(len(place))))

    def label_from_instance(self, obj: AgendaItem) -> str:
        number = self.numbers.get(obj.pk)
        return f"{number}. {obj.title}" if number else obj.title


class DocumentAgendaItemForm(forms.Form):
    """The item of its session's agenda that considers a document."""

    agenda_item = AgendaItemChoiceField(label=_("Agenda item"), required=False,
                                        empty_label=_("(not on the agenda)"))

    def __init__(self, *args: Any, agenda: Sequence[AgendaEntry], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["agenda_item"]
        field.offer(agenda)


class SessionDocumentForm(DocumentForm, DocumentAgendaItemForm):
    """A new document of a session, with the item of the session's agenda that considers it."""

    field_order = ("doc_type", "title_ru", "title_en", "agenda_item")


class AgendaItemForm(forms.Form):
    """An item of one session's agenda: the parent and the documents come from that session."""

    parent = AgendaItemChoiceField(label=_("Under item"), required=False,
                                   empty_label=_("(top level)"))
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=500)
    title_en = forms.CharField(label=_("Title (English)"), max_length=500)
    rapporteur = forms.ModelChoiceField(label=_("Rapporteur"), required=False,
                                        queryset=Official.objects.all(),
                                        to_field_name="public_id")
    rapporteur_position = forms.ModelChoiceField(label=_("Rapporteur's office"), required=False,
                                                 queryset=Position.objects.select_related("body"))
    documents = forms.TypedMultipleChoiceField(label=_("Documents considered"), required=False,
                                               widget=forms.CheckboxSelectMultiple, coerce=str)
    outcome_ru = forms.CharField(label=_("Outcome (Russian)"), required=False,
                                 widget=forms.Textarea({"rows": 2}))
    outcome_en = forms.CharField(label=_("Outcome (English)"), required=False,
                                 widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args: Any, agenda: Sequence[AgendaEntry], documents: Sequence[Document],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent: Any = self.fields["parent"]
        parent.offer(agenda)
        self.readable = {str(d.public_id): d for d in documents}
        choices: Any = [(key, f"{d.symbol} — {d.title}") for key, d in self.readable.items()]
        documents_field: Any = self.fields["documents"]
        documents_field.choices = choices

    def clean_documents(self) -> list[Document]:
        return [self.readable[key] for key in self.cleaned_data["documents"]]


class SilenceForm(forms.Form):
    deadline = forms.DateTimeField(label=_("Deadline"), widget=DateTimeInput())
    time_zone = TimeZoneField(label=_("Time zone of the deadline"))

    def clean_time_zone(self) -> ZoneInfo:
        # The field accepts only the names of the zones the system has.
        return ZoneInfo(self.cleaned_data["time_zone"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        deadline, zone = data.get("deadline"), data.get("time_zone")
        if deadline is not None and zone is not None:
            # The wall-clock time typed is read in the zone named, not the server's.
            data["deadline"] = deadline.replace(tzinfo=None).replace(tzinfo=zone)
        return data


class SignerKeyChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        held = (_("key held by this installation") if signing.held_private_key(obj.fingerprint)
                else _("key kept by the signer"))
        state = f" ({obj.state.name})" if obj.state else ""
        return f"{obj.official.name}{state}: {held}, {obj.fingerprint[:16]}…"


class SignatureForm(forms.Form):
    key = SignerKeyChoice(label=_("Signer"), to_field_name="fingerprint",
                          queryset=SignerKey.objects.filter(revoked_at__isnull=True)
                          .select_related("official", "state"))
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE, required=False,
                                help_text=_("Empty: today."))
    signature = forms.CharField(
        label=_("Signature (base64)"), required=False, widget=forms.Textarea({"rows": 2}),
        help_text=_("Only for a key kept by the signer: the Ed25519 signature made over the "
                    "statement downloaded below. Leave empty when this installation holds the key."))

    def clean_signature(self) -> str | None:
        return self.cleaned_data["signature"].strip() or None


class StatementForm(forms.Form):
    """Which statement an external signer signs: it names the key and the day of signing."""

    key = SignatureForm.base_fields["key"]
    signed_on = SignatureForm.base_fields["signed_on"]


class TreatyActionForm(forms.Form):
    state = forms.ModelChoiceField(label=_("State"), queryset=MemberState.objects.all(),
                                   to_field_name="iso_alpha2")
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE, required=False)
    ratified_on = forms.DateField(label=_("Ratified on"), widget=DATE, required=False)
    deposited_on = forms.DateField(label=_("Instrument deposited on"), widget=DATE,
                                   required=False)
    reservations = forms.CharField(label=_("Reservations"), required=False,
                                   widget=forms.Textarea({"rows": 2}))


class ReportIntroductionForm(forms.Form):
    introduction_ru = forms.CharField(label=_("Introduction (Russian)"), required=False,
                                      widget=forms.Textarea({"rows": 6}))
    introduction_en = forms.CharField(label=_("Introduction (English)"), required=False,
                                      widget=forms.Textarea({"rows": 6}))


class SignerKeyForm(forms.Form):
    official = forms.ModelChoiceField(label=_("Official"), queryset=Official.objects.all(),
                                      to_field_name="public_id")
    state = forms.ModelChoiceField(label=_("Signs for"), required=False,
                                   queryset=MemberState.objects.all(), to_field_name="iso_alpha2",
                                   help_text=_("Empty: the official's own state."))
    public_key = forms.CharField(
        label=_("Public key (base64)"), required=False, max_length=64,
        help_text=_("The signer's Ed25519 public key. Leave empty to generate a key pair whose "
                    "private half this installation keeps."))


class ProclamationForm(forms.Form):
    by = forms.ModelChoiceField(
        label=_("Proclaimed by"), to_field_name="public_id",
        queryset=Official.objects.filter(state__isnull=False).select_related("state"),
        help_text=_("The person who proclaimed it for the state chairing that day."))
    proclaimed_on = forms.DateField(label=_("Proclaimed on"), widget=DATE, required=False,
                                    help_text=_("Empty: the day of the document's session."))
