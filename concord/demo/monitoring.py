"""The demo's crisis centre: a year of synthetic incidents in the area of responsibility, weighted
as the Sochi session's concerns are (the Tajik-Afghan border, drug routes, terrorism), a recent
surge of seizures on the border (the kind operation "Channel" reports), three indicators, and
the one alert they raise."""

from __future__ import annotations

from datetime import timedelta

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.monitoring import services
from concord.monitoring.models import Incident, Indicator

SEED = 2013
INCIDENTS = 3000
INDICATORS = [
    dict(name_ru="Незаконный оборот наркотиков на таджикско-афганской границе, 7 дней",
         name_en="Drug trafficking on the Tajik-Afghan border, 7 days",
         category="drug_trafficking", region="tajik-afghan-border", window_days=7, kind="count",
         orange=8, red=12),
    dict(name_ru="Терроризм в государствах-членах, рост за 30 дней к 90-дневному уровню",
         name_en="Terrorism in the member states, rise over 90 days", category="terrorism",
         region="csto", window_days=30, kind="rise", orange=150, red=300),
    dict(name_ru="Чрезвычайные ситуации природного характера в Центральной Азии, 7 дней",
         name_en="Natural emergencies in Central Asia, 7 days", category="natural_emergency",
         region="central-asia", window_days=7, kind="count", orange=25, red=40),
]
SURGE = [("Panj", 37.23, 69.09, 42), ("Shuroobod", 37.84, 70.05, 18), ("Farkhor", 37.50, 69.41, 65),
         ("Khorugh", 37.49, 71.56, 27), ("Ishkoshim", 36.73, 71.60, 120),
         ("Panj", 37.25, 69.12, 15), ("Kalai-Khumb", 38.45, 70.79, 33),
         ("Shuroobod", 37.83, 70.03, 51), ("Farkhor", 37.48, 69.39, 9),
         ("Panj", 37.22, 69.08, 74)]


def load_monitoring() -> dict[str, int]:
    secretariat = Party.objects.get(kind=PartyKind.SECRETARIAT, code="SEC")
    incidents = Incident.objects.unscoped(reason="demo idempotence")
    if incidents.filter(external_id__startswith=f"synthetic:{SEED}:").exists():
        return {}
    today = clock.today()
    created = services.incident_generate(actor=SYSTEM, count=INCIDENTS, seed=SEED,
                                         start=today - timedelta(days=364), end=today,
                                         originator=secretariat)
    for number, (place, lat, lon, kilograms) in enumerate(SURGE):
        admin1 = "Gorno-Badakhshan" if place in ("Khorugh", "Ishkoshim", "Kalai-Khumb") \
            else "Khatlon"
        services.incident_create(
            actor=SYSTEM, originator=secretariat, external_id=f"demo-surge:{number}",
            occurred_on=today - timedelta(days=number % 5), country="TJ", admin1=admin1,
            location=place, latitude=lat, longitude=lon, category="drug_trafficking",
            sub_category="smuggling_attempt" if number % 3 else "drug_seizure",
            actor1="Border Troops of the SCNS of Tajikistan", actor2="Drug traffickers",
            narrative=f"{kilograms} kg of heroin seized from a group crossing the Panj river "
                      f"near {place} (operation Channel).",
            sources="SCNS of Tajikistan", source_scale="national", reliability="B",
            credibility=2, verification="confirmed")
    defined = 0
    for values in INDICATORS:
        if not Indicator.objects.unscoped(reason="demo idempotence").filter(
                name_en=values["name_en"]).exists():
            services.indicator_define(actor=SYSTEM, originator=secretariat,
                                      classification=Classification.OFFICIAL_USE,
                                      release_to_all_members=True, **values)  # type: ignore[arg-type]
            defined += 1
    alerts = services.indicators_evaluate_all(actor=SYSTEM, on=today)
    return {"incidents": created + len(SURGE), "indicators": defined, "alerts": alerts}
