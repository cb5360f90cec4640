"""The press service's items on the forces: the close of the "Interaction-2013" exercise and the
results of operation "Channel", in both languages, each linked to its record. The Channel item
takes its figures from the operation's PUBLIC results, so it says what the released results
add up to on the day it is read. Loaded after the exercises and operations; loading twice
changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from concord.accounts.models import User
from concord.demo.press import _exists, _id, _out
from concord.forces.models import Exercise, Operation
from concord.press.models import Publication
from concord.press.services import publications as services
from concord.press.services.publications import Wording
from concord.registry.models import MemberState

INTERACTION_OUT = datetime(2013, 9, 25, 14, 0, tzinfo=UTC)
CHANNEL_OUT = datetime(2014, 6, 10, 9, 0, tzinfo=UTC)

INTERACTION = {
    "ru": Wording(
        title="Завершилось совместное учение «Взаимодействие-2013»",
        lead="На Брестском полигоне в Беларуси завершилось совместное учение Коллективных сил "
             "оперативного реагирования ОДКБ.",
        body="С 19 по 25 сентября 2013 года в Республике Беларусь прошло совместное учение "
             "«Взаимодействие-2013» с участием воинских контингентов Армении, Беларуси, "
             "Казахстана, Кыргызстана, России и Таджикистана.\n"
             "Командование и контингенты КСОР отработали применение сил для разрешения "
             "кризисной ситуации в Восточно-Европейском регионе коллективной безопасности."),
    "en": Wording(
        title="The joint exercise \"Interaction-2013\" has ended",
        lead="The joint exercise of the CSTO Collective Rapid Reaction Forces ended at the Brest "
             "training ground in Belarus.",
        body="From 19 to 25 September 2013 the Republic of Belarus hosted the joint exercise "
             "\"Interaction-2013\" with contingents of Armenia, Belarus, Kazakhstan, Kyrgyzstan, "
             "Russia and Tajikistan.\n"
             "The CRRF command and contingents practised the use of the forces to resolve a "
             "crisis in the Eastern European region of collective security."),
}

CHANNEL = {
    "ru": Wording(
        title="Итоги антинаркотической операции «Канал»",
        lead="Государства — члены ОДКБ подвели итоги этапов операции «Канал» 2013–2014 годов.",
        body="В ходе этапов операции «Канал» компетентные органы государств — членов ОДКБ "
             "изъяли {{operation:channel:seizure}} кг наркотических средств, задержали "
             "{{operation:channel:detained}} человек и возбудили {{operation:channel:cases}} "
             "уголовных дел.\n"
             "Приведены сведения, которые государства разрешили опубликовать."),
    "en": Wording(
        title="Results of the anti-drug operation \"Channel\"",
        lead="The CSTO member states have summed up the stages of operation \"Channel\" held in "
             "2013–2014.",
        body="During the stages of operation \"Channel\" the competent authorities of the CSTO "
             "member states seized {{operation:channel:seizure}} kg of narcotic drugs, detained "
             "{{operation:channel:detained}} persons and opened {{operation:channel:cases}} "
             "criminal cases.\n"
             "The figures are those the states released for publication."),
}


def load_press_forces() -> dict[str, int]:
    count: dict[str, int] = {}
    press = User.objects.get(username="press")
    officer = User.objects.get(username="officer")
    exercise = (Exercise.objects.unscoped(reason="demo: the press item on an exercise")
                .filter(series_en="Interaction", year=2013).first())
    if exercise is not None and not _exists(_id("interaction-2013")):
        item = services.publication_draft(
            actor=press, pub_type=Publication.Type.NEWS, year=2013,
            public_id=_id("interaction-2013"), exercises=[exercise],
            states=list(MemberState.objects.filter(iso_alpha2="BY")), texts=INTERACTION)
        _out(item, press, officer, INTERACTION_OUT)
        count["publications"] = 1
    operation = (Operation.objects.unscoped(reason="demo: the press item on an operation")
                 .filter(code="channel").first())
    if operation is not None and not _exists(_id("channel-results")):
        item = services.publication_draft(
            actor=press, pub_type=Publication.Type.NEWS, year=2014,
            public_id=_id("channel-results"), operations=[operation], texts=CHANNEL)
        _out(item, press, officer, CHANNEL_OUT)
        count["publications"] = count.get("publications", 0) + 1
    return count
