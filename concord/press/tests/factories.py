"""Press test data, made through the services: the press officer drafts, the secretariat
officer approves."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from concord.press.models import Publication
from concord.press.services import publications as services
from concord.press.services.publications import Wording

RU = Wording(title="Сессия Совета коллективной безопасности в Сочи",
             lead="Главы государств обсудили вопросы коллективной безопасности.",
             body="23 сентября 2013 года в Сочи состоялась сессия Совета.\nПодписано 8 документов.")
EN = Wording(title="Session of the Collective Security Council in Sochi",
             lead="The heads of state discussed collective security.",
             body="On 23 September 2013 the Council held its session in Sochi.\n"
                  "8 documents were signed.")


def draft(press: Any, *, texts: dict[str, Wording] | None = None,
          pub_type: str = Publication.Type.PRESS_RELEASE, **fields: Any) -> Publication:
    return services.publication_draft(actor=press, pub_type=pub_type,
                                      texts=texts if texts is not None else {"ru": RU, "en": EN},
                                      **fields)


def published(press: Any, officer: Any, *, embargo_until: datetime | None = None,
              **fields: Any) -> Publication:
    publication = draft(press, embargo_until=embargo_until, **fields)
    services.publication_submit(actor=press, publication=publication)
    return services.publication_approve(actor=officer, publication=publication)
