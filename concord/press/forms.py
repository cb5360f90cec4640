"""The press desk's forms: the fields and their labels; the rules stay in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.widgets import DateTimeInput
from concord.council.models import Document, Session
from concord.forces.models import Exercise, Operation
from concord.press.models import Publication, PublicationFile, Section
from concord.registry.models import Body, MemberState

_TEXTAREA = {"rows": 8}
FIGURES_HELP = _("A figure from the data is written {{operation:code:measure}}, "
                 "{{exercise:Series/year:personnel}} or {{assistance:reference:delivered}}; "
                 "readers see the sum of what is public on the day they read.")


class PublicationForm(forms.Form):
    pub_type = forms.ChoiceField(label=_("Type"), choices=Publication.Type.choices)
    translation = forms.ChoiceField(label=_("Translation"),
                                    choices=Publication.Translation.choices)
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300, required=False)
    lead_ru = forms.CharField(label=_("Lead (Russian)"), required=False,
                              widget=forms.Textarea({"rows": 2}))
    body_ru = forms.CharField(label=_("Text (Russian)"), required=False,
                              widget=forms.Textarea(_TEXTAREA), help_text=FIGURES_HELP)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    lead_en = forms.CharField(label=_("Lead (English)"), required=False,
                              widget=forms.Textarea({"rows": 2}))
    body_en = forms.CharField(label=_("Text (English)"), required=False,
                              widget=forms.Textarea(_TEXTAREA), help_text=FIGURES_HELP)
    sections = forms.ModelMultipleChoiceField(label=_("Sections"), required=False,
                                              queryset=Section.objects.all(),
                                              widget=forms.CheckboxSelectMultiple)
    session = forms.ModelChoiceField(label=_("Session"), required=False,
                                     queryset=Session.objects.none())
    documents = forms.ModelMultipleChoiceField(label=_("Documents"), required=False,
                                               queryset=Document.objects.none())
    states = forms.ModelMultipleChoiceField(label=_("Member states"), required=False,
                                            queryset=MemberState.objects.all(),
                                            widget=forms.CheckboxSelectMultiple)
    exercises = forms.ModelMultipleChoiceField(label=_("Exercises"), required=False,
                                               queryset=Exercise.objects.none())
    operations = forms.ModelMultipleChoiceField(label=_("Joint operations"), required=False,
                                                queryset=Operation.objects.none())
    embargo_until = forms.DateTimeField(
        label=_("Embargo until (UTC)"), required=False, widget=DateTimeInput(),
        help_text=_("Once approved, the publication goes out at this moment, not before."))
    event_starts_at = forms.DateTimeField(
        label=_("Press event starts (UTC)"), required=False, widget=DateTimeInput(),
        help_text=_("For an announcement of a briefing or a press conference."))
    event_place_ru = forms.CharField(label=_("Event place (Russian)"), max_length=200,
                                     required=False)
    event_place_en = forms.CharField(label=_("Event place (English)"), max_length=200,
                                     required=False)

    def __init__(self, *args: Any, sessions: Any, documents: Any, exercises: Any,
                 operations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        exercise_field: Any = self.fields["exercises"]
        exercise_field.queryset = exercises
        operation_field: Any = self.fields["operations"]
        operation_field.queryset = operations
        session_field: Any = self.fields["session"]
        session_field.queryset = sessions
        document_field: Any = self.fields["documents"]
        document_field.queryset = documents


class WordingForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("a publication's", "Title"), max_length=300)
    lead = forms.CharField(label=_("Lead"), required=False, widget=forms.Textarea({"rows": 2}))
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(_TEXTAREA),
                           help_text=FIGURES_HELP)


class CorrectionForm(WordingForm):
    note = forms.CharField(label=_("What was corrected"), max_length=1000,
                           widget=forms.Textarea({"rows": 2}),
                           help_text=_("Shown to readers beside the corrected text."))


class WithdrawalForm(forms.Form):
    reason_ru = forms.CharField(label=_("Reason (Russian)"), widget=forms.Textarea({"rows": 2}))
    reason_en = forms.CharField(label=_("Reason (English)"), widget=forms.Textarea({"rows": 2}))


class IssueForm(forms.Form):
    document = forms.ModelChoiceField(label=_("Adopted document"), queryset=Document.objects.none(),
                                      to_field_name="public_id")

    def __init__(self, *args: Any, documents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["document"]
        field.queryset = documents


class FileForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PublicationFile.Kind.choices)
    upload = forms.FileField(label=_("File"))
    caption_ru = forms.CharField(label=_("Caption (Russian)"), max_length=500, required=False)
    caption_en = forms.CharField(label=_("Caption (English)"), max_length=500, required=False)
    credit = forms.CharField(label=_("Credit"), max_length=200, required=False)


class SectionForm(forms.Form):
    slug = forms.SlugField(label=_("Code"), max_length=60,
                           help_text=_("Latin lower-case letters, digits and hyphens; it names "
                                       "the section in addresses."))
    kind = forms.ChoiceField(label=_("Kind"), choices=Section.Kind.choices)
    body = forms.ModelChoiceField(label=_("Body"), required=False, queryset=Body.objects.none(),
                                  help_text=_("Only for a section of a body."))
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=32767, initial=0)

    def __init__(self, *args: Any, bodies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["body"]
        field.queryset = bodies


class NoFields(forms.Form):
    """A button's form: nothing to fill in."""
