from __future__ import annotations

from datetime import date
from typing import Any

from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.monitoring import services
from concord.monitoring.models import Incident

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
)
ACLED_LEGACY_HEADER = (
    "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,"
    "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,timestamp,iso3"
)


def acled_row(event_id: str = "TJK1", *, day: str = "2024-06-06", event_type: str = "Battles",
              sub: str = "Armed clash", country: str = "Tajikistan", iso: str = "762",
              fatalities: str = "2", notes: str = "Clash on the border",
              location: str = "Panj") -> str:
    return (f'{event_id},{day},2024,1,Political violence,{event_type},{sub},'
            f'Military Forces of Tajikistan,,1,Unidentified Armed Group,,3,13,,'
            f'{iso},Central Asia,{country},Khatlon,Panj,,{location},37.24,69.10,1,Asia-Plus,'
            f'National,"{notes}",{fatalities},,1718000000')


def acled_legacy_row(event_id: str = "TJK9", *, day: str = "23 September 2013") -> str:
    return (f'9001,762,{event_id},9,{day},2013,1,Strategic developments,Arrests,'
            f'Police Forces of Tajikistan,,1,,,0,10,Caucasus and Central Asia,Tajikistan,'
            f'Dushanbe,,,Dushanbe,38.56,68.78,1,Avesta,National,"Arrests, in Dushanbe",0,'
            f'1380000000,TJK')


def incident(originator: Party, *, classification: int = Classification.OFFICIAL_USE,
             release_to_all_members: bool = True, releasable_to: Any = (),
             **overrides: Any) -> Incident:
    values: dict[str, Any] = dict(
        occurred_on=date(2024, 6, 6), country="TJ", admin1="Khatlon", admin2="Panj",
        location="Panj", latitude=37.24, longitude=69.10, category="drug_trafficking",
        sub_category="drug_seizure", actor1="Border Troops", fatalities=0, injured=0,
        narrative="Heroin seized at the border", sources="Asia-Plus",
    )
    values.update(overrides)
    return services.incident_create(actor=SYSTEM, originator=originator,
                                    classification=classification,
                                    release_to_all_members=release_to_all_members,
                                    releasable_to=releasable_to, **values)
