from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import release_field
from concord.core.labels import Classification
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


class PositionForm(forms.Form):
    state = forms.CharField(widget=forms.HiddenInput)
    stance = forms.ChoiceField(label=_("Position"), choices=StatePosition.Stance.choices)
    reason = forms.CharField(label=_("Reason or reservation"), required=False, max_length=2000)


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


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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
    time_zone = forms.CharField(label=_("Time zone"), initial="Europe/Moscow", max_length=64)
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


class AgendaItemForm(forms.Form):
    """An item of one session's agenda: the parent and the documents come from that session."""

    parent = forms.ModelChoiceField(label=_("Under item"), required=False,
                                    queryset=AgendaItem.objects.none(),
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

    def __init__(self, *args: Any, session: Session, documents: Sequence[Document],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent: Any = self.fields["parent"]
        parent.queryset = AgendaItem.objects.filter(session=session).order_by("order", "pk")
        self.readable = {str(d.public_id): d for d in documents}
        choices: Any = [(key, f"{d.symbol} — {d.title}") for key, d in self.readable.items()]
        documents_field: Any = self.fields["documents"]
        documents_field.choices = choices

    def clean_documents(self) -> list[Document]:
        return [self.readable[key] for key in self.cleaned_data["documents"]]


class SilenceForm(forms.Form):
    deadline = forms.DateTimeField(label=_("Deadline"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    time_zone = forms.CharField(label=_("Time zone of the deadline"), max_length=64,
                                initial="Europe/Moscow")

    def clean_time_zone(self) -> ZoneInfo:
        name = self.cleaned_data["time_zone"].strip()
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise forms.ValidationError(_("%(zone)s is not a time zone (such as Europe/Moscow).")
                                        % {"zone": name}) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        deadline, zone = data.get("deadline"), data.get("time_zone")
        if deadline is not None and zone is not None:
            # The wall-clock time typed is read in the zone named, not the server's.
            data["deadline"] = deadline.replace(tzinfo=None).replace(tzinfo=zone)
        return data


class SignatureForm(forms.Form):
    key = forms.ModelChoiceField(label=_("Signer"), to_field_name="fingerprint",
                                 queryset=SignerKey.objects.filter(revoked_at__isnull=True)
                                 .select_related("official", "state"))
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE, required=False)
    signature = forms.CharField(
        label=_("Signature (base64)"), required=False, widget=forms.Textarea({"rows": 2}),
        help_text=_("Leave empty when the signer's key is held by this installation."))

    def clean_signature(self) -> str | None:
        return self.cleaned_data["signature"].strip() or None


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
