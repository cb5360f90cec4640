"""The countries the crisis centre watches and the regions it reports on.

A region is a set of countries, or of first-level administrative units within them: the
Tajik-Afghan border is Khatlon and Gorno-Badakhshan on one side, and Badakhshan, Takhar, Kunduz
and Balkh on the other."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils.functional import Promise, lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Country:
    alpha2: str
    numeric: str
    name_en: str
    name_ru: str


COUNTRIES: tuple[Country, ...] = (
    Country("AM", "051", "Armenia", "Армения"),
    Country("BY", "112", "Belarus", "Беларусь"),
    Country("KZ", "398", "Kazakhstan", "Казахстан"),
    Country("KG", "417", "Kyrgyzstan", "Кыргызстан"),
    Country("RU", "643", "Russia", "Россия"),
    Country("TJ", "762", "Tajikistan", "Таджикистан"),
    Country("UZ", "860", "Uzbekistan", "Узбекистан"),
    Country("TM", "795", "Turkmenistan", "Туркменистан"),
    Country("AF", "004", "Afghanistan", "Афганистан"),
    Country("AZ", "031", "Azerbaijan", "Азербайджан"),
    Country("GE", "268", "Georgia", "Грузия"),
    Country("UA", "804", "Ukraine", "Украина"),
    Country("CN", "156", "China", "Китай"),
    Country("MN", "496", "Mongolia", "Монголия"),
    Country("IR", "364", "Iran", "Иран"),
    Country("PK", "586", "Pakistan", "Пакистан"),
    Country("SY", "760", "Syria", "Сирия"),
)
BY_ALPHA2 = {c.alpha2: c for c in COUNTRIES}
BY_NUMERIC = {c.numeric: c for c in COUNTRIES}
BY_NAME = {name.casefold(): c for c in COUNTRIES for name in (c.name_en, c.name_ru)}
COUNTRY_CHOICES = [(c.alpha2, c.name_en) for c in COUNTRIES]


def country_name(code: str) -> str:
    """A country's name in the active language (the code of one Concord does not know)."""
    country = BY_ALPHA2.get(code)
    if country is None:
        return code
    return country.name_ru if (get_language() or "ru").startswith("ru") else country.name_en


# The model keeps English labels (its migrations record them); forms show the page's language.
LOCALIZED_COUNTRY_CHOICES = [(c.alpha2, lazy(country_name, str)(c.alpha2)) for c in COUNTRIES]


def country_of(*, code: str = "", numeric: str = "", name: str = "") -> Country | None:
    if code and code.upper() in BY_ALPHA2:
        return BY_ALPHA2[code.upper()]
    if numeric:
        digits = numeric.strip().split(".")[0].zfill(3)
        if digits in BY_NUMERIC:
            return BY_NUMERIC[digits]
    return BY_NAME.get(name.strip().casefold()) if name else None


@dataclass(frozen=True)
class Region:
    code: str
    label: Promise
    countries: tuple[str, ...] = ()
    admin1: tuple[tuple[str, str], ...] = ()  # (country, first-level unit)

    def q(self) -> Q:
        query = Q(country__in=self.countries) if self.countries else Q(pk__in=[])
        for country, unit in self.admin1:
            query |= Q(country=country, admin1=unit)
        if not self.admin1:
            return query
        # The countries of the units named once more beside them: an index leading with the
        # country is then walked once a country, where SQLite would otherwise walk it once a
        # unit and fetch each row found from the table (a "multi-index OR").
        touched = sorted({*self.countries, *(country for country, _ in self.admin1)})
        return Q(country__in=touched) & query

    def contains(self, country: str, admin1: str) -> bool:
        return country in self.countries or (country, admin1) in self.admin1


REGIONS: tuple[Region, ...] = (
    Region("central-asia", _("Central Asia"), countries=("KZ", "KG", "TJ", "UZ", "TM")),
    Region("east-europe", _("Eastern Europe"), countries=("BY", "RU", "UA")),
    Region("caucasus", _("Caucasus"), countries=("AM", "AZ", "GE")),
    Region("afghanistan", _("Afghanistan"), countries=("AF",)),
    Region("tajik-afghan-border", _("Tajik-Afghan border"), admin1=(
        ("TJ", "Khatlon"), ("TJ", "Gorno-Badakhshan"), ("AF", "Badakhshan"), ("AF", "Takhar"),
        ("AF", "Kunduz"), ("AF", "Balkh"))),
    Region("csto", _("CSTO member states"), countries=("AM", "BY", "KZ", "KG", "RU", "TJ")),
)
REGION_BY_CODE = {r.code: r for r in REGIONS}
REGION_CHOICES = [(r.code, r.label) for r in REGIONS]
