"""Kilogram-equivalents of seizures, by the rules UNODC applies when it adds up national reports:
a weight is taken as reported (bulk weight, not purity-adjusted), a litre of a liquid counts as one
kilogram, and a tablet as the weight its drug type is given in the substance table. Pure rules:
the caller brings the substance's tablet weight."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from concord.forces.models import Measure, QuantityUnit

GRAMS_PER_KILOGRAM = Decimal(1000)
KILOGRAMS_PER_LITRE = Decimal(1)
# Results keep three decimals: a gram is the smallest amount a seizure report names.
PLACES = Decimal("0.001")

# The units each measure is reported in.
UNITS: dict[str, tuple[str, ...]] = {
    Measure.SEIZURE: (QuantityUnit.KILOGRAM, QuantityUnit.LITRE, QuantityUnit.TABLET),
    Measure.PRECURSOR: (QuantityUnit.KILOGRAM, QuantityUnit.LITRE),
}
COUNTED = (QuantityUnit.COUNT,)


def units_for(measure: str) -> tuple[str, ...]:
    return UNITS.get(measure, COUNTED)


def weighed(measure: str) -> bool:
    """Whether the measure is an amount of a substance (kilogram-equivalent), not a count."""
    return measure in UNITS


class ConversionError(ValueError):
    """A quantity that has no kilogram-equivalent; the message says why."""


def kg_equivalent(*, quantity: Decimal, unit: str, tablet_grams: Decimal | None) -> Decimal:
    """The kilogram-equivalent of `quantity` of a substance reported in `unit`."""
    if unit == QuantityUnit.KILOGRAM:
        kilograms = quantity
    elif unit == QuantityUnit.LITRE:
        kilograms = quantity * KILOGRAMS_PER_LITRE
    elif unit == QuantityUnit.TABLET:
        if tablet_grams is None:
            raise ConversionError(_("No tablet weight is recorded for this substance: report "
                                    "it in kilograms or litres."))
        kilograms = quantity * tablet_grams / GRAMS_PER_KILOGRAM
    else:
        raise ConversionError(_("A seizure is reported in kilograms, litres or tablets."))
    return kilograms.quantize(PLACES, rounding=ROUND_HALF_UP)


def exact(measure: str, value: Decimal | None) -> Decimal:
    """A figure or a sum as the same number on every database: an amount to the gram, a count
    whole."""
    places = PLACES if weighed(measure) else Decimal(1)
    return Decimal(value or 0).quantize(places)
