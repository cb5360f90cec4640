from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import Party, localized


class MemberStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Participation suspended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MemberState(models.Model):
    party = models.OneToOneField(Party, on_delete=models.PROTECT, related_name="member_state")
    iso_alpha2 = models.CharField(_("ISO 3166 alpha-2"), max_length=2, unique=True)
    iso_alpha3 = models.CharField(_("ISO 3166 alpha-3"), max_length=3, unique=True)
    iso_numeric = models.CharField(_("ISO 3166 numeric"), max_length=3, unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_native = models.CharField(_("name (own language)"), max_length=100)
    native_language = models.CharField(_("own language (ISO 639-1)"), max_length=8)
    official_name_ru = models.CharField(_("official name (Russian)"), max_length=200)
    official_name_en = models.CharField(_("official name (English)"), max_length=200)
    # The forms an official document writes the state's name in, which no rule derives: Russian
    # declension has too many exceptions ("Кыргызская Республика" → "Кыргызскую Республику"), and
    # English takes the article for some names and not others.
    official_name_accusative_ru = models.CharField(
        _("official name in the accusative (Russian)"), max_length=200, blank=True,
        help_text=_("As after «За» in a signature block: «Республику Таджикистан»."))
    official_name_in_text_en = models.CharField(
        _("official name in running text (English)"), max_length=200, blank=True,
        help_text=_("With its article if it takes one: “the Republic of Tajikistan”."))
    capital_time_zone = models.CharField(_("time zone of the capital"), max_length=64)
    joined_on = models.DateField(_("member since"))
    status = models.CharField(
        _("status"), max_length=16, choices=MemberStatus.choices, default=MemberStatus.ACTIVE
    )

    class Meta:
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        ordering: ClassVar = ["name_ru"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(iso_alpha2__regex=r"^[A-Z]{2}$"),
                                   name="registry_state_alpha2_format"),
            models.CheckConstraint(condition=Q(iso_alpha3__regex=r"^[A-Z]{3}$"),
                                   name="registry_state_alpha3_format"),
            models.CheckConstraint(condition=Q(iso_numeric__regex=r"^[0-9]{3}$"),
                                   name="registry_state_numeric_format"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:state-detail", args=[self.iso_alpha2])

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def official_name(self) -> str:
        return localized(self, "official_name")


class MemberStatusChange(models.Model):
    """One entry of a state's membership history; the current status follows the latest one
    that has taken effect."""

    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="status_history")
    status = models.CharField(_("status"), max_length=16, choices=MemberStatus.choices)
    effective_on = models.DateField(_("effective from"))
    note = models.TextField(_("ground"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("membership status change")
        verbose_name_plural = _("membership status history")
        ordering: ClassVar = ["state", "effective_on", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["state", "effective_on"],
                                    name="registry_one_status_change_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.status} from {self.effective_on}"


class BodyKind(models.TextChoices):
    COUNCIL = "council", _("Council")
    COMMITTEE = "committee", _("Committee")
    PERMANENT = "permanent", _("Permanent body")
    SECRETARIAT = "secretariat", _("Secretariat")
    STAFF = "staff", _("Joint Staff")
    MILITARY = "military", _("Military body")


class Body(models.Model):
    code = models.SlugField(_("code"), max_length=16, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=BodyKind.choices)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    abbreviation_ru = models.CharField(_("abbreviation (Russian)"), max_length=20, blank=True)
    abbreviation_en = models.CharField(_("abbreviation (English)"), max_length=20, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children", verbose_name=_("reports to"))
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    takes_decisions = models.BooleanField(_("adopts decisions"), default=False)
    established_on = models.DateField(_("established"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering: ClassVar = ["order", "code"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="registry_body_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:body-detail", args=[self.code])

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def abbreviation(self) -> str:
        return localized(self, "abbreviation")

    @property
    def description(self) -> str:
        return localized(self, "description")


class Position(models.Model):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="positions")
    code = models.SlugField(_("code"), max_length=40, unique=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering: ClassVar = ["body__order", "order", "code"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")


class ContactKind(models.TextChoices):
    PHONE = "phone", _("Telephone")
    PHONE_FAX = "phone_fax", _("Telephone / fax")
    FAX = "fax", _("Fax")
    EMAIL = "email", _("E-mail")


class ContactPoint(models.Model):
    """A public contact of an office (not of the person holding it)."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("kind"), max_length=16, choices=ContactKind.choices)
    value = models.CharField(_("value"), max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering: ClassVar = ["position", "order", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["position", "kind", "value"],
                                    name="registry_contact_unique"),
        ]

    def __str__(self) -> str:
        return self.value


class Official(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    rank_ru = models.CharField(_("rank (Russian)"), max_length=100, blank=True)
    rank_en = models.CharField(_("rank (English)"), max_length=100, blank=True)
    state = models.ForeignKey(MemberState, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="officials", verbose_name=_("state"))

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering: ClassVar = ["name_en"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:official-detail", args=[self.public_id])

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def rank(self) -> str:
        return localized(self, "rank")


class Term(models.Model):
    """A term of office. Either end may be unknown; `attested_on` records a day on which a source
    shows the official in office when the term's start is not known."""

    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="terms")
    position = models.ForeignKey(Position, on_delete=models.PROTECT, related_name="terms")
    started_on = models.DateField(_("from"), null=True, blank=True)
    ended_on = models.DateField(_("to"), null=True, blank=True)
    attested_on = models.DateField(_("attested in office on"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("term of office")
        verbose_name_plural = _("terms of office")
        ordering: ClassVar = ["position", "-started_on"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=Q(started_on__isnull=True) | Q(ended_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="registry_term_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(started_on__isnull=False) | Q(attested_on__isnull=False),
                name="registry_term_has_a_date",
            ),
            models.UniqueConstraint(fields=["official", "position", "started_on"],
                                    name="registry_term_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.official} — {self.position}"


class Chairmanship(models.Model):
    """A recorded chairmanship; it overrides the rotation rule for its year, and the schedule
    ahead is computed from the latest one. The term begins on the day the chairmanship was
    handed over (at a session, often in the year before) or, when that is not recorded, on the
    first of January of its year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="chairmanships",
                              verbose_name=_("state"))
    handed_over_on = models.DateField(
        _("handed over on"), null=True, blank=True,
        help_text=_("The day the state took over the chairmanship; empty when it did on "
                    "1 January of the year."))
    note_ru = models.TextField(_("note (Russian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)

    class Meta:
        verbose_name = _("chairmanship")
        verbose_name_plural = _("chairmanships")
        ordering: ClassVar = ["-year"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(year__gte=1992) & Q(year__lte=2200),
                                   name="registry_chairmanship_year_range"),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.state}"

    @property
    def note(self) -> str:
        return localized(self, "note")
