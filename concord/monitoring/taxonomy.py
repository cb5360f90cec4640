"""The incident taxonomy: ACLED's event types and sub-event types, kept with ACLED's own labels so
that its data maps here and back without loss, and the organization's threat areas (the CSC's
communiqué names them: terrorism, extremism, drugs, arms, illegal migration, crime with
information technology, border security, natural and man-made emergencies)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.db import models
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    # ACLED event types
    BATTLES = "battles", _("Battles")
    EXPLOSIONS = "explosions", _("Explosions/Remote violence")
    VIOLENCE_CIVILIANS = "violence_civilians", _("Violence against civilians")
    PROTESTS = "protests", _("Protests")
    RIOTS = "riots", _("Riots")
    STRATEGIC = "strategic", _("Strategic developments")
    # The organization's threat areas
    TERRORISM = "terrorism", _("Terrorism")
    EXTREMISM = "extremism", _("Extremism")
    DRUG_TRAFFICKING = "drug_trafficking", _("Drug trafficking")
    ARMS_TRAFFICKING = "arms_trafficking", _("Arms trafficking")
    ILLEGAL_MIGRATION = "illegal_migration", _("Illegal migration")
    CYBERCRIME = "cybercrime", _("Crime with information technology")
    BORDER = "border", _("Border incidents")
    NATURAL_EMERGENCY = "natural_emergency", _("Natural emergencies")
    MANMADE_EMERGENCY = "manmade_emergency", _("Man-made emergencies")


ACLED_CATEGORIES = frozenset({Category.BATTLES, Category.EXPLOSIONS, Category.VIOLENCE_CIVILIANS,
                              Category.PROTESTS, Category.RIOTS, Category.STRATEGIC})

# ACLED's own spelling of its event types, as in its CSV files.
ACLED_EVENT_TYPES: dict[str, str] = {
    Category.BATTLES: "Battles",
    Category.EXPLOSIONS: "Explosions/Remote violence",
    Category.VIOLENCE_CIVILIANS: "Violence against civilians",
    Category.PROTESTS: "Protests",
    Category.RIOTS: "Riots",
    Category.STRATEGIC: "Strategic developments",
}
ACLED_DISORDER_TYPES: dict[str, str] = {
    Category.BATTLES: "Political violence",
    Category.EXPLOSIONS: "Political violence",
    Category.VIOLENCE_CIVILIANS: "Political violence",
    Category.PROTESTS: "Demonstrations",
    Category.RIOTS: "Demonstrations",
    Category.STRATEGIC: "Strategic developments",
}


@dataclass(frozen=True)
class SubCategory:
    code: str
    category: str
    label: Promise
    acled: str = ""  # ACLED's sub_event_type, for ACLED's own sub-categories


SUB_CATEGORIES: tuple[SubCategory, ...] = (
    SubCategory("armed_clash", Category.BATTLES, _("Armed clash"), "Armed clash"),
    SubCategory("government_regains_territory", Category.BATTLES,
                _("Government regains territory"), "Government regains territory"),
    SubCategory("non_state_overtakes_territory", Category.BATTLES,
                _("Non-state actor overtakes territory"), "Non-state actor overtakes territory"),
    SubCategory("chemical_weapon", Category.EXPLOSIONS, _("Chemical weapon"), "Chemical weapon"),
    SubCategory("air_drone_strike", Category.EXPLOSIONS, _("Air/drone strike"), "Air/drone strike"),
    SubCategory("suicide_bomb", Category.EXPLOSIONS, _("Suicide bomb"), "Suicide bomb"),
    SubCategory("shelling", Category.EXPLOSIONS, _("Shelling/artillery/missile attack"),
                "Shelling/artillery/missile attack"),
    SubCategory("remote_explosive", Category.EXPLOSIONS, _("Remote explosive/landmine/IED"),
                "Remote explosive/landmine/IED"),
    SubCategory("grenade", Category.EXPLOSIONS, _("Grenade"), "Grenade"),
    SubCategory("sexual_violence", Category.VIOLENCE_CIVILIANS, _("Sexual violence"),
                "Sexual violence"),
    SubCategory("attack", Category.VIOLENCE_CIVILIANS, _("Attack"), "Attack"),
    SubCategory("abduction", Category.VIOLENCE_CIVILIANS, _("Abduction/forced disappearance"),
                "Abduction/forced disappearance"),
    SubCategory("peaceful_protest", Category.PROTESTS, _("Peaceful protest"), "Peaceful protest"),
    SubCategory("protest_with_intervention", Category.PROTESTS, _("Protest with intervention"),
                "Protest with intervention"),
    SubCategory("excessive_force", Category.PROTESTS, _("Excessive force against protesters"),
                "Excessive force against protesters"),
    SubCategory("violent_demonstration", Category.RIOTS, _("Violent demonstration"),
                "Violent demonstration"),
    SubCategory("mob_violence", Category.RIOTS, _("Mob violence"), "Mob violence"),
    SubCategory("agreement", Category.STRATEGIC, _("Agreement"), "Agreement"),
    SubCategory("arrests", Category.STRATEGIC, _("Arrests"), "Arrests"),
    SubCategory("change_to_group", Category.STRATEGIC, _("Change to group/activity"),
                "Change to group/activity"),
    SubCategory("disrupted_weapons_use", Category.STRATEGIC, _("Disrupted weapons use"),
                "Disrupted weapons use"),
    SubCategory("headquarters_established", Category.STRATEGIC,
                _("Headquarters or base established"), "Headquarters or base established"),
    SubCategory("looting", Category.STRATEGIC, _("Looting/property destruction"),
                "Looting/property destruction"),
    SubCategory("territory_transfer", Category.STRATEGIC, _("Non-violent transfer of territory"),
                "Non-violent transfer of territory"),
    SubCategory("other", Category.STRATEGIC, _("Other"), "Other"),
    SubCategory("terrorist_attack", Category.TERRORISM, _("Terrorist attack")),
    SubCategory("attack_prevented", Category.TERRORISM, _("Attack prevented")),
    SubCategory("cell_detained", Category.TERRORISM, _("Cell detained")),
    SubCategory("recruitment", Category.EXTREMISM, _("Recruitment")),
    SubCategory("propaganda_online", Category.EXTREMISM, _("Propaganda on the Internet")),
    SubCategory("extremist_detained", Category.EXTREMISM, _("Members detained")),
    SubCategory("drug_seizure", Category.DRUG_TRAFFICKING, _("Seizure")),
    SubCategory("smuggling_attempt", Category.DRUG_TRAFFICKING, _("Smuggling attempt")),
    SubCategory("laboratory", Category.DRUG_TRAFFICKING, _("Laboratory dismantled")),
    SubCategory("arms_seizure", Category.ARMS_TRAFFICKING, _("Arms seizure")),
    SubCategory("arms_smuggling", Category.ARMS_TRAFFICKING, _("Arms smuggling")),
    SubCategory("illegal_crossing", Category.ILLEGAL_MIGRATION, _("Illegal crossing")),
    SubCategory("human_trafficking", Category.ILLEGAL_MIGRATION, _("Human trafficking")),
    SubCategory("document_fraud", Category.ILLEGAL_MIGRATION, _("Document fraud")),
    SubCategory("cyber_attack", Category.CYBERCRIME, _("Attack on information systems")),
    SubCategory("online_fraud", Category.CYBERCRIME, _("Fraud with information technology")),
    SubCategory("border_clash", Category.BORDER, _("Armed clash at the border")),
    SubCategory("border_violation", Category.BORDER, _("Violation of the state border")),
    SubCategory("border_shelling", Category.BORDER, _("Fire across the border")),
    SubCategory("earthquake", Category.NATURAL_EMERGENCY, _("Earthquake")),
    SubCategory("flood", Category.NATURAL_EMERGENCY, _("Flood or mudflow")),
    SubCategory("avalanche", Category.NATURAL_EMERGENCY, _("Avalanche or landslide")),
    SubCategory("wildfire", Category.NATURAL_EMERGENCY, _("Wildfire")),
    SubCategory("industrial_accident", Category.MANMADE_EMERGENCY, _("Industrial accident")),
    SubCategory("transport_accident", Category.MANMADE_EMERGENCY, _("Transport accident")),
    SubCategory("dam_failure", Category.MANMADE_EMERGENCY, _("Dam or infrastructure failure")),
)

SUB_CATEGORY_BY_CODE = {sub.code: sub for sub in SUB_CATEGORIES}
SUB_CATEGORY_BY_ACLED = {sub.acled.casefold(): sub for sub in SUB_CATEGORIES if sub.acled}
CATEGORY_BY_ACLED = {label.casefold(): Category(code) for code, label in ACLED_EVENT_TYPES.items()}
SUB_CATEGORY_CHOICES = [(sub.code, sub.label) for sub in SUB_CATEGORIES]
CATEGORY_CODES = frozenset(Category.values)


@cache
def _english() -> tuple[dict[str, str], dict[str, str]]:
    """The English names of the organization's own categories and sub-categories, by code."""
    with translation.override("en"):
        categories = {code: str(label) for code, label in Category.choices
                      if code not in ACLED_EVENT_TYPES}
        subs = {sub.code: str(sub.label) for sub in SUB_CATEGORIES
                if sub.category in categories}
    return categories, subs


@cache
def _from_english() -> dict[tuple[str, str], tuple[str, str]]:
    categories, subs = _english()
    return {(categories[sub.category].casefold(), subs[sub.code].casefold()):
            (sub.category, sub.code) for sub in SUB_CATEGORIES if sub.code in subs}


def acled_labels(category: str, sub_category: str) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) as ACLED writes them. The organization's own
    threat areas have no ACLED event type nor disorder type: they are written by their English
    names ("Drug trafficking", "Seizure"), which a reader of the file understands and which
    read back as the same categories."""
    sub = SUB_CATEGORY_BY_CODE.get(sub_category)
    if category in ACLED_EVENT_TYPES:
        return (ACLED_DISORDER_TYPES[category], ACLED_EVENT_TYPES[category],
                sub.acled if sub else "")
    categories, subs = _english()
    return "", categories.get(category, category), subs.get(sub_category, sub_category)


def from_acled(event_type: str, sub_event_type: str) -> tuple[str, str] | None:
    """The (category, sub-category) codes of a pair written as Concord's codes
    (`protests`, `peaceful_protest`), as ACLED's labels (`Protests`, `Peaceful protest`), or, for
    the organization's own threat areas, as their English names (`Drug trafficking`, `Seizure`).
    Three of ACLED's event types read, case aside, as Concord's codes: a pair is read as codes
    only when both halves are codes of one category, so that the two spellings never mix."""
    event_type, sub_event_type = event_type.strip(), sub_event_type.strip()
    own = SUB_CATEGORY_BY_CODE.get(sub_event_type)
    if event_type in CATEGORY_CODES and own is not None and own.category == event_type:
        return event_type, own.code
    named = _from_english().get((event_type.casefold(), sub_event_type.casefold()))
    if named is not None:
        return named
    category = CATEGORY_BY_ACLED.get(event_type.casefold())
    if category is None:
        return None
    sub = SUB_CATEGORY_BY_ACLED.get(sub_event_type.casefold())
    if sub is None or sub.category != category:
        return None
    return category.value, sub.code
