"""Symbol identification codes of MIL-STD-2525 (and APP-6, which shares them): what a stored code
must look like, and the 2525D code of a friendly land unit of a given type and echelon."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from concord.forces.models import Echelon, UnitType

# 2525D and later: twenty digits. 2525C: fifteen characters, the coding scheme first, dashes for
# what is left unsaid.
_NUMERIC = re.compile(r"\d{20}")
_LETTERS = re.compile(r"[SGWIOE][A-Z\-*][A-Z\-*]{13}")

# 2525D, symbol set 10 (land units): the entity of each unit type, and a sector-2 modifier.
_ENTITY: dict[str, tuple[str, str]] = {
    UnitType.HEADQUARTERS: ("110000", "00"),
    UnitType.MOTORISED_RIFLE: ("121104", "00"),
    UnitType.AIRBORNE: ("121100", "01"),
    UnitType.AIR_ASSAULT: ("120100", "00"),
    UnitType.MOUNTAIN: ("121100", "00"),
    UnitType.SPECIAL_FORCES: ("121700", "00"),
    UnitType.RECONNAISSANCE: ("121300", "00"),
    UnitType.MILITARY_POLICE: ("141200", "00"),
    UnitType.PEACEKEEPING: ("121100", "00"),
    UnitType.ENGINEER: ("140700", "00"),
    UnitType.CBRN: ("140100", "00"),
    UnitType.MEDICAL: ("161300", "00"),
    UnitType.SIGNAL: ("111000", "00"),
    UnitType.LOGISTICS: ("160000", "00"),
    UnitType.ARTILLERY: ("130300", "00"),
    UnitType.AIR_DEFENCE: ("130100", "00"),
    UnitType.AVIATION: ("120800", "00"),
    UnitType.HELICOPTER: ("120600", "00"),
    UnitType.INTERNAL_TROOPS: ("121100", "00"),
    UnitType.OTHER: ("000000", "00"),
}

VERSION = "10"
REALITY, EXERCISE = "0", "1"
FRIEND = "3"
LAND_UNIT = "10"


def symbol_code(unit_type: str, echelon: int, *, exercise: bool = False) -> str:
    """The 2525D code of a friendly unit, present, of this type and echelon."""
    entity, modifier = _ENTITY.get(unit_type, _ENTITY[UnitType.OTHER])
    return (f"{VERSION}{EXERCISE if exercise else REALITY}{FRIEND}{LAND_UNIT}00"
            f"{int(Echelon(echelon)):02d}{entity}00{modifier}")


def symbol_errors(code: str) -> list[str]:
    """What is wrong with a code given for a unit; nothing when milsymbol can draw it."""
    value = (code or "").strip().upper()
    if not value:
        return [_("Give the unit's symbol code.")]
    if _NUMERIC.fullmatch(value) or _LETTERS.fullmatch(value):
        return []
    return [_("%(code)s is not a symbol code: give the 20 digits of MIL-STD-2525D (APP-6D) or "
              "the 15 characters of 2525C.") % {"code": value}]
