"""Kilogram-equivalents of seizures by UNODC's rules."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from concord.forces.seizures import ConversionError, kg_equivalent


def test_it_takes_a_weight_as_reported():
    assert kg_equivalent(quantity=Decimal("412.5"), unit="kg", tablet_grams=None) == \
        Decimal("412.500")


def test_it_counts_a_litre_as_a_kilogram():
    assert kg_equivalent(quantity=Decimal("2300"), unit="l", tablet_grams=None) == \
        Decimal("2300.000")


def test_it_weighs_tablets_by_their_drug_type():
    # 18,000 ecstasy tablets at 0.1 g each are 1.8 kg.
    assert kg_equivalent(quantity=Decimal(18000), unit="tablet",
                         tablet_grams=Decimal("0.1")) == Decimal("1.800")


def test_it_rounds_to_the_gram():
    assert kg_equivalent(quantity=Decimal(7), unit="tablet", tablet_grams=Decimal("0.0625")) == \
        Decimal("0.000")
    assert kg_equivalent(quantity=Decimal(9), unit="tablet", tablet_grams=Decimal("0.0625")) == \
        Decimal("0.001")


def test_it_refuses_tablets_of_a_substance_without_a_tablet_weight():
    with translation.override("en"), pytest.raises(ConversionError, match="tablet weight"):
        kg_equivalent(quantity=Decimal(10), unit="tablet", tablet_grams=None)


def test_it_refuses_a_count_for_a_seizure():
    with pytest.raises(ConversionError):
        kg_equivalent(quantity=Decimal(10), unit="count", tablet_grams=None)
