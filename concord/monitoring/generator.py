"""Synthetic incidents for the area of responsibility: for the demo, tests and benchmarks.

The mix follows what the organization's own papers worry about: the Tajik-Afghan border takes
the largest share (drugs, border incidents, arms, infiltration), then the drug routes north
through Kyrgyzstan, Uzbekistan and Kazakhstan to Russia, terrorism in the North Caucasus and the
cities, and natural emergencies in the mountains. Deterministic for a given seed."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from concord.core.labels import Classification
from concord.monitoring.models import (
    Credibility,
    GeoPrecision,
    Reliability,
    SourceScale,
    TimePrecision,
    Verification,
)
from concord.monitoring.taxonomy import SUB_CATEGORIES, Category

C = Category
PROFILES: dict[str, dict[str, int]] = {
    "afghan_border": {C.DRUG_TRAFFICKING: 30, C.BORDER: 20, C.ARMS_TRAFFICKING: 10,
                      C.TERRORISM: 10, C.ILLEGAL_MIGRATION: 10, C.BATTLES: 10,
                      C.EXPLOSIONS: 5, C.STRATEGIC: 5},
    "afghanistan": {C.BATTLES: 30, C.EXPLOSIONS: 20, C.VIOLENCE_CIVILIANS: 15, C.TERRORISM: 15,
                    C.DRUG_TRAFFICKING: 10, C.PROTESTS: 5, C.STRATEGIC: 5},
    "drug_route": {C.DRUG_TRAFFICKING: 45, C.ARMS_TRAFFICKING: 10, C.ILLEGAL_MIGRATION: 15,
                   C.STRATEGIC: 10, C.CYBERCRIME: 5, C.TERRORISM: 5, C.PROTESTS: 5,
                   C.MANMADE_EMERGENCY: 5},
    "city": {C.PROTESTS: 20, C.CYBERCRIME: 15, C.EXTREMISM: 15, C.TERRORISM: 10,
             C.ILLEGAL_MIGRATION: 10, C.RIOTS: 5, C.MANMADE_EMERGENCY: 10, C.STRATEGIC: 10,
             C.DRUG_TRAFFICKING: 5},
    "north_caucasus": {C.TERRORISM: 35, C.EXTREMISM: 20, C.BATTLES: 10, C.ARMS_TRAFFICKING: 15,
                       C.EXPLOSIONS: 10, C.STRATEGIC: 10},
    "mountain": {C.NATURAL_EMERGENCY: 50, C.BORDER: 20, C.MANMADE_EMERGENCY: 10,
                 C.ILLEGAL_MIGRATION: 10, C.DRUG_TRAFFICKING: 10},
    "contact_line": {C.BORDER: 50, C.EXPLOSIONS: 20, C.BATTLES: 10, C.PROTESTS: 10,
                     C.NATURAL_EMERGENCY: 10},
}


@dataclass(frozen=True)
class Place:
    country: str
    admin1: str
    admin2: str
    location: str
    lat: float
    lon: float
    weight: int
    profile: str


PLACES: tuple[Place, ...] = (
    Place("TJ", "Khatlon", "Panj", "Panj", 37.24, 69.10, 60, "afghan_border"),
    Place("TJ", "Khatlon", "Shamsiddin Shohin", "Shuroobod", 37.84, 70.04, 40, "afghan_border"),
    Place("TJ", "Khatlon", "Farkhor", "Farkhor", 37.49, 69.40, 40, "afghan_border"),
    Place("TJ", "Khatlon", "Kulob", "Kulob", 37.91, 69.78, 20, "drug_route"),
    Place("TJ", "Gorno-Badakhshan", "Khorugh", "Khorugh", 37.49, 71.55, 35, "afghan_border"),
    Place("TJ", "Gorno-Badakhshan", "Ishkoshim", "Ishkoshim", 36.73, 71.61, 30, "afghan_border"),
    Place("TJ", "Gorno-Badakhshan", "Darvoz", "Kalai-Khumb", 38.45, 70.78, 25, "afghan_border"),
    Place("TJ", "Gorno-Badakhshan", "Murghob", "Murghob", 38.17, 73.96, 10, "mountain"),
    Place("TJ", "Dushanbe", "", "Dushanbe", 38.56, 68.78, 20, "city"),
    Place("TJ", "Sughd", "Khujand", "Khujand", 40.28, 69.62, 10, "drug_route"),
    Place("AF", "Badakhshan", "Fayzabad", "Fayzabad", 37.12, 70.58, 30, "afghan_border"),
    Place("AF", "Takhar", "Taloqan", "Taloqan", 36.74, 69.53, 25, "afghan_border"),
    Place("AF", "Kunduz", "Kunduz", "Kunduz", 36.73, 68.86, 30, "afghan_border"),
    Place("AF", "Balkh", "Mazar-e Sharif", "Mazar-e Sharif", 36.71, 67.11, 20, "afghan_border"),
    Place("AF", "Kabul", "Kabul", "Kabul", 34.53, 69.17, 25, "afghanistan"),
    Place("AF", "Nangarhar", "Jalalabad", "Jalalabad", 34.43, 70.45, 15, "afghanistan"),
    Place("AF", "Herat", "Herat", "Herat", 34.35, 62.20, 10, "afghanistan"),
    Place("KG", "Osh", "Osh", "Osh", 40.53, 72.80, 20, "drug_route"),
    Place("KG", "Batken", "Batken", "Batken", 40.06, 70.82, 15, "mountain"),
    Place("KG", "Bishkek", "", "Bishkek", 42.87, 74.59, 15, "city"),
    Place("KG", "Jalal-Abad", "Jalal-Abad", "Jalal-Abad", 40.93, 73.00, 8, "drug_route"),
    Place("UZ", "Surxondaryo", "Termez", "Termez", 37.22, 67.28, 15, "afghan_border"),
    Place("UZ", "Tashkent", "", "Tashkent", 41.31, 69.24, 10, "city"),
    Place("UZ", "Andijan", "Andijan", "Andijan", 40.78, 72.34, 8, "drug_route"),
    Place("TM", "Mary", "Serhetabat", "Serhetabat", 35.28, 62.35, 5, "afghan_border"),
    Place("KZ", "Almaty", "", "Almaty", 43.24, 76.89, 15, "city"),
    Place("KZ", "Turkistan", "Shymkent", "Shymkent", 42.32, 69.59, 12, "drug_route"),
    Place("KZ", "Astana", "", "Astana", 51.17, 71.43, 8, "city"),
    Place("KZ", "Aktobe", "Aktobe", "Aktobe", 50.28, 57.17, 6, "drug_route"),
    Place("KZ", "Zhetysu", "Panfilov", "Khorgos", 44.21, 80.41, 6, "drug_route"),
    Place("RU", "Moscow", "", "Moscow", 55.76, 37.62, 25, "city"),
    Place("RU", "Orenburg", "Orenburg", "Orenburg", 51.77, 55.10, 10, "drug_route"),
    Place("RU", "Astrakhan", "Astrakhan", "Astrakhan", 46.35, 48.04, 8, "drug_route"),
    Place("RU", "Novosibirsk", "Novosibirsk", "Novosibirsk", 55.03, 82.92, 6, "drug_route"),
    Place("RU", "Omsk", "Omsk", "Omsk", 54.99, 73.37, 5, "drug_route"),
    Place("RU", "Sverdlovsk", "Yekaterinburg", "Yekaterinburg", 56.84, 60.61, 6, "city"),
    Place("RU", "Dagestan", "Makhachkala", "Makhachkala", 42.98, 47.50, 20, "north_caucasus"),
    Place("RU", "Chechnya", "Grozny", "Grozny", 43.32, 45.69, 10, "north_caucasus"),
    Place("RU", "Kabardino-Balkaria", "Nalchik", "Nalchik", 43.49, 43.61, 8, "north_caucasus"),
    Place("BY", "Minsk", "", "Minsk", 53.90, 27.56, 8, "city"),
    Place("BY", "Brest", "Brest", "Brest", 52.10, 23.70, 8, "drug_route"),
    Place("BY", "Gomel", "Gomel", "Gomel", 52.44, 30.98, 5, "drug_route"),
    Place("AM", "Yerevan", "", "Yerevan", 40.18, 44.51, 8, "city"),
    Place("AM", "Syunik", "Goris", "Goris", 39.51, 46.34, 12, "contact_line"),
    Place("AM", "Gegharkunik", "Vardenis", "Vardenis", 40.18, 45.72, 10, "contact_line"),
    Place("AM", "Tavush", "Ijevan", "Ijevan", 40.88, 45.15, 6, "contact_line"),
)

ACTORS: dict[str, tuple[str, ...]] = {
    C.DRUG_TRAFFICKING: ("Drug traffickers", "Border Troops of the SCNS of Tajikistan",
                         "Drug Control Agency", "Police Forces", "Unidentified smugglers"),
    C.BORDER: ("Border Troops of the SCNS of Tajikistan", "Taliban border units",
               "Unidentified armed group", "Border Service", "Smugglers"),
    C.ARMS_TRAFFICKING: ("Arms smugglers", "State Security Service", "Police Forces"),
    C.TERRORISM: ("Islamic State Khorasan Province", "Unidentified armed group",
                  "State Security Service", "Civilians"),
    C.EXTREMISM: ("Extremist cell", "Police Forces", "State Security Service"),
    C.ILLEGAL_MIGRATION: ("Migrants", "Border Service", "Human traffickers"),
    C.CYBERCRIME: ("Unidentified hackers", "Police Forces", "Computer Emergency Response Team"),
    C.NATURAL_EMERGENCY: ("Ministry of Emergency Situations", "Civilians"),
    C.MANMADE_EMERGENCY: ("Ministry of Emergency Situations", "Civilians"),
    C.BATTLES: ("Taliban", "National Resistance Front", "Unidentified armed group",
                "Military Forces"),
    C.EXPLOSIONS: ("Taliban", "Islamic State Khorasan Province", "Unidentified armed group",
                   "Military Forces"),
    C.VIOLENCE_CIVILIANS: ("Taliban", "Unidentified armed group", "Civilians"),
    C.PROTESTS: ("Protesters", "Labour group", "Police Forces"),
    C.RIOTS: ("Rioters", "Police Forces"),
    C.STRATEGIC: ("Police Forces", "Military Forces", "Government"),
}
SUBS: dict[str, tuple[str, ...]] = {}
for _sub in SUB_CATEGORIES:
    SUBS[_sub.category] = (*SUBS.get(_sub.category, ()), _sub.code)
# How deadly each category tends to be: (chance of any fatality, largest usual toll).
LETHALITY: dict[str, tuple[float, int]] = {
    C.BATTLES: (0.7, 25), C.EXPLOSIONS: (0.6, 30), C.VIOLENCE_CIVILIANS: (0.6, 8),
    C.TERRORISM: (0.3, 40), C.BORDER: (0.25, 6), C.NATURAL_EMERGENCY: (0.2, 30),
    C.MANMADE_EMERGENCY: (0.25, 15), C.RIOTS: (0.1, 4), C.ARMS_TRAFFICKING: (0.05, 2),
    C.DRUG_TRAFFICKING: (0.05, 3),
}
SOURCES = (("Asia-Plus", SourceScale.NATIONAL), ("Avesta", SourceScale.NATIONAL),
           ("AKIpress", SourceScale.REGIONAL), ("Kazinform", SourceScale.NATIONAL),
           ("TASS", SourceScale.INTERNATIONAL), ("Interfax", SourceScale.INTERNATIONAL),
           ("Local officials", SourceScale.LOCAL), ("Pajhwok", SourceScale.NATIONAL),
           ("Armenpress", SourceScale.NATIONAL), ("BelTA", SourceScale.NATIONAL))
# The share of each label: most incidents are for official use and shared with all members.
# The share of incidents placed exactly; the others are known only to the nearest place.
PRECISE_SHARE = 0.85
LABELS = ((Classification.PUBLIC, 25), (Classification.OFFICIAL_USE, 60),
          (Classification.CONFIDENTIAL, 12), (Classification.SECRET, 3))


def synthetic_incidents(count: int, *, seed: int, start: date, end: date) -> Iterator[dict[str, Any]]:
    """`count` incidents between `start` and `end` as field values (with `classification`)."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    days = max(1, (end - start).days + 1)
    places = rng.choices(PLACES, weights=[p.weight for p in PLACES], k=count)
    mixes = {name: (list(mix), list(mix.values())) for name, mix in PROFILES.items()}
    labels, label_weights = [c for c, _ in LABELS], [w for _, w in LABELS]
    reliabilities, credibilities = list(Reliability.values), list(Credibility.values)
    for index, place in enumerate(places):
        categories, weights = mixes[place.profile]
        category = rng.choices(categories, weights=weights)[0]
        chance, worst = LETHALITY.get(category, (0.02, 2))
        fatalities = int(rng.paretovariate(1.6)) if rng.random() < chance else 0
        fatalities = min(fatalities, worst * 3)
        injured = int(fatalities * rng.uniform(0.5, 3)) if fatalities else rng.choice((0, 0, 0, 1, 2))
        source, scale = rng.choice(SOURCES)
        day = start + timedelta(days=rng.randrange(days))
        actors = ACTORS.get(category, ("Unidentified group",))
        sub = rng.choice(SUBS[category])
        precise = rng.random() < PRECISE_SHARE
        yield {
            "external_id": f"synthetic:{seed}:{index}",
            "occurred_on": day, "occurred_at": None,
            "time_precision": TimePrecision.DAY if precise else TimePrecision.WEEK,
            "country": place.country, "admin1": place.admin1, "admin2": place.admin2,
            "location": place.location,
            "latitude": round(place.lat + rng.uniform(-0.15, 0.15), 4),
            "longitude": round(place.lon + rng.uniform(-0.15, 0.15), 4),
            "geo_precision": GeoPrecision.EXACT if precise else GeoPrecision.NEAR,
            "category": category, "sub_category": sub,
            "actor1": rng.choice(actors), "assoc_actor1": "", "actor2": rng.choice(actors),
            "assoc_actor2": "",
            "fatalities": fatalities,
            "fatalities_low": max(0, fatalities - rng.randrange(3)) if fatalities else None,
            "fatalities_high": fatalities + rng.randrange(4) if fatalities else None,
            "injured": injured, "injured_low": None, "injured_high": None,
            "narrative": f"{day.isoformat()}: {sub.replace('_', ' ')} near {place.location} "
                         f"({place.admin1}, {place.country}). Reported by {source}.",
            "sources": source, "source_scale": scale,
            "reliability": rng.choice(reliabilities[:4]),
            "credibility": rng.choice(credibilities[:4]),
            "verification": rng.choices(Verification.values, weights=(60, 30, 8, 2))[0],
            "extra": {},
            "classification": rng.choices(labels, weights=label_weights)[0],
        }
