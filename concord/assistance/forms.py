"""The assistance pages' forms: their fields and labels. The rules stay in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.assistance.models import (
    Category,
    Kind,
    PledgeLine,
    Priority,
    RequestLine,
    RequestPhase,
    Terms,
    Unit,
    Urgency,
)
from concord.core.labels import Classification
from concord.core.widgets import DateInput
from concord.registry.models import MemberState


class RequestEditForm(forms.Form):
    """The particulars of a request, as filed and as changed while it is a draft or submitted."""

    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    beneficiary_ru = forms.CharField(label=_("Beneficiary (Russian)"), max_length=300)
    beneficiary_en = forms.CharField(label=_("Beneficiary (English)"), max_length=300,
                                     required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    terms = forms.ChoiceField(label=_("Terms"), choices=Terms.choices)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices)
    summary_ru = forms.CharField(label=_("Summary (Russian)"), required=False,
                                 widget=forms.Textarea({"rows": 3}))
    summary_en = forms.CharField(label=_("Summary (English)"), required=False,
                                 widget=forms.Textarea({"rows": 3}))
    letter_reference = forms.CharField(label=_("Letter"), max_length=200, required=False)
    letter_dated = forms.DateField(label=_("Letter dated"), required=False, widget=DateInput)
    closes_on = forms.DateField(label=_("Offers until"), required=False, widget=DateInput)
    addressed_states = forms.ModelMultipleChoiceField(
        label=_("States addressed"), required=False, queryset=MemberState.objects.all(),
        to_field_name="iso_alpha2", widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: the request is addressed to all member states."))


class RequestForm(RequestEditForm):
    """A new request: its particulars and its classification."""

    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices,
                                            initial=Classification.OFFICIAL_USE)

    field_order = [*RequestEditForm.base_fields, "classification"]


class RequestRelabelForm(RequestForm):
    """The requesting state's own edit page: the particulars and the whole label, which the
    kernel's relabelling rules then apply (a lower one waits for a second approver)."""

    release_to_all_members = forms.BooleanField(
        label=_("Released to all member states"), required=False,
        help_text=_("Unticked: only the parties named in the label read the request."))

    field_order = [*RequestForm.field_order, "release_to_all_members"]


class LineForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    description_ru = forms.CharField(label=_("Description (Russian)"), max_length=500)
    description_en = forms.CharField(label=_("Description (English)"), max_length=500,
                                     required=False)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1)
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    priority = forms.TypedChoiceField(label=_("Priority"), coerce=int, choices=Priority.choices,
                                      initial=Priority.MEDIUM)
    needed_by = forms.DateField(label=_("Needed by"), required=False, widget=DateInput)
    delivery_place_ru = forms.CharField(label=_("Delivery place"), max_length=300,
                                        required=False)
    end_use_restriction_ru = forms.CharField(label=_("End-use restriction"), required=False,
                                             widget=forms.Textarea({"rows": 2}))
    retransfer_banned = forms.BooleanField(label=_("Re-transfer prohibited"), required=False,
                                           initial=True)


class RequestLineForm(LineForm):
    """A line as the edit page adds or changes it, with the phase it belongs to."""

    phase = forms.TypedChoiceField(label=_("Phase"), coerce=int, required=False,
                                   empty_value=None, choices=())

    def __init__(self, *args: Any, phases: list[RequestPhase], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["phase"]
        field.choices = [("", _("No phase")),
                         *((phase.number, str(phase)) for phase in phases)]


class PhaseForm(forms.Form):
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    due_on = forms.DateField(label=_("Deadline"), required=False, widget=DateInput)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000,
                             widget=forms.Textarea({"rows": 2}))


class PledgeForm(forms.Form):
    """One quantity per line of the request (empty: not pledged), and the pledge's
    releasability."""

    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 2}))
    withhold = forms.BooleanField(
        label=_("Withhold the details from the other member states"), required=False,
        help_text=_("Only the requesting state and the secretariat will see this pledge."))

    def __init__(self, *args: Any, lines: list[RequestLine], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request_lines = lines
        for line in lines:
            self.fields[f"quantity_{line.number}"] = forms.IntegerField(
                label=_("Quantity for line %(number)d") % {"number": line.number},
                min_value=1, max_value=10**9, required=False)
            self.fields[f"due_on_{line.number}"] = forms.DateField(
                label=_("Delivery promised by (line %(number)d)") % {"number": line.number},
                required=False, widget=DateInput)
        self.fields["value"] = forms.DecimalField(label=_("Value of the pledge"),
                                                  required=False, min_value=0, max_digits=16,
                                                  decimal_places=2)
        self.fields["currency"] = forms.CharField(label=_("Currency"), required=False,
                                                  max_length=3)
        self.fields["condition"] = forms.ChoiceField(label=_("Condition"),
                                                     choices=PledgeLine.Condition.choices)
        self.fields["caveats"] = forms.CharField(label=_("Caveats"), required=False,
                                                 widget=forms.Textarea({"rows": 2}))

    def line_fields(self) -> list[tuple[RequestLine, Any, Any]]:
        return [(line, self[f"quantity_{line.number}"], self[f"due_on_{line.number}"])
                for line in self.request_lines]

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        rows: list[dict[str, Any]] = []
        for line in self.request_lines:
            quantity = data.get(f"quantity_{line.number}")
            if quantity:
                rows.append({"line": line, "quantity": quantity,
                             "due_on": data.get(f"due_on_{line.number}"),
                             "condition": data.get("condition"),
                             "caveats": data.get("caveats", "")})
        # The value is the pledge's as a whole: it is kept with its first line.
        if rows and data.get("value") is not None:
            rows[0]["value"] = data["value"]
            rows[0]["currency"] = data.get("currency", "")
        return {"lines": rows, "note": data.get("note", ""),
                "release_to_all_members": not data.get("withhold")}


class CommitForm(forms.Form):
    quantity = forms.IntegerField(label=_("Quantity committed"), min_value=1)
    agreement_reference = forms.CharField(label=_("Agreement"), max_length=200)
    agreement_signed_on = forms.DateField(label=_("Agreement signed"), required=False,
                                          widget=DateInput)
    export_licence = forms.ChoiceField(label=_("Export licence"),
                                       choices=PledgeLine.Licence.choices)


class ReviseForm(forms.Form):
    quantity = forms.IntegerField(label=_("Quantity pledged"), min_value=1, required=False)
    due_on = forms.DateField(label=_("Delivery promised by"), required=False, widget=DateInput)
    note = forms.CharField(label=_("Why"), required=False, max_length=2000)


class RespondForm(forms.Form):
    response = forms.ChoiceField(label=_("Answer"), choices=[
        (PledgeLine.Response.ACCEPTED, PledgeLine.Response.ACCEPTED.label),
        (PledgeLine.Response.PROVISIONAL, PledgeLine.Response.PROVISIONAL.label),
        (PledgeLine.Response.DECLINED, PledgeLine.Response.DECLINED.label)])
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class ShipForm(forms.Form):
    reference = forms.CharField(label=_("Consignment"), max_length=80)
    shipped_on = forms.DateField(label=_("Shipped"), required=False, widget=DateInput)
    place_ru = forms.CharField(label=_("Place"), max_length=300, required=False)

    def __init__(self, *args: Any, lines: list[PledgeLine], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pledge_lines = lines
        for line in lines:
            self.fields[f"ship_{line.pk}"] = forms.IntegerField(
                label=_("Quantity of line %(number)d") % {"number": line.line.number},
                min_value=1, required=False)

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        items = [{"pledge_line": line, "quantity": data[f"ship_{line.pk}"]}
                 for line in self.pledge_lines if data.get(f"ship_{line.pk}")]
        return {"reference": data["reference"], "shipped_on": data.get("shipped_on"),
                "place_ru": data.get("place_ru", ""), "items": items}


class DayForm(forms.Form):
    day = forms.DateField(label=_("Date"), required=False, widget=DateInput)


