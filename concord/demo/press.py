"""The press service's demo: the Sochi press release of 23 September 2013 in both languages, the
statement on Syria and the communiqué issued from the adopted documents, and the June 2024
Almaty meeting item; each drafted by the press officer and approved by the secretariat officer,
as the workflow asks. Loading twice changes nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from concord.accounts.models import User
from concord.council.models import Document, Session
from concord.demo import press_texts as texts
from concord.demo.council_sessions import _id as council_id
from concord.press.models import Publication, Section
from concord.press.services import issuing
from concord.press.services import publications as services
from concord.press.services.publications import Wording
from concord.registry.models import Body, MemberState

# The Sochi session closed in the evening, Moscow time; the press service published then.
SOCHI_OUT = datetime(2013, 9, 23, 15, 0, tzinfo=UTC)
ALMATY_OUT = datetime(2024, 6, 6, 10, 0, tzinfo=UTC)


def _id(name: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://concord.invalid/demo/press/{name}")


def _sections(count: dict[str, int]) -> dict[str, Section]:
    found = {}
    for body in Body.objects.filter(code__in=("CSC", "CSSC")):
        found[body.code], made = Section.objects.get_or_create(
            slug=body.code.lower(), defaults=dict(kind=Section.Kind.BODY, body=body,
                                                  name_ru=body.name_ru, name_en=body.name_en,
                                                  order=body.order))
        count["press sections"] = count.get("press sections", 0) + int(made)
    found["afghanistan"], made = Section.objects.get_or_create(
        slug="afghanistan", defaults=dict(kind=Section.Kind.THEME,
                                          name_ru="Афганское направление",
                                          name_en="Afghanistan", order=1))
    count["press sections"] = count.get("press sections", 0) + int(made)
    return found


def _exists(public_id: uuid.UUID) -> bool:
    return Publication.objects.unscoped(reason="demo idempotence").filter(
        public_id=public_id).exists()


def _out(publication: Publication, press: User, officer: User, moment: datetime) -> None:
    services.publication_submit(actor=press, publication=publication)
    services.publication_approve(actor=officer, publication=publication, went_out_at=moment)


def _session(key: str) -> Session | None:
    return Session.objects.unscoped(reason="demo: the press items' sessions").filter(
        public_id=council_id("session", key)).first()


def load_press() -> dict[str, int]:
    count: dict[str, int] = {}
    press = User.objects.get(username="press")
    officer = User.objects.get(username="officer")
    sections = _sections(count)
    sochi = _session("CSC-2013-09-23")
    if not _exists(_id("sochi-2013")):
        release = services.publication_draft(
            actor=press, pub_type=Publication.Type.PRESS_RELEASE, year=2013,
            public_id=_id("sochi-2013"), session=sochi,
            sections=[sections["CSC"], sections["afghanistan"]],
            states=list(MemberState.objects.all()),
            texts={"ru": Wording(title=texts.SOCHI_TITLE_RU, lead=texts.SOCHI_LEAD_RU,
                                 body=texts.SOCHI_RU),
                   "en": Wording(title=texts.SOCHI_TITLE_EN, lead=texts.SOCHI_LEAD_EN,
                                 body=texts.SOCHI_EN)})
        _out(release, press, officer, SOCHI_OUT)
        count["publications"] = count.get("publications", 0) + 1
    adopted = Document.objects.unscoped(reason="demo: documents the press service issues")
    for key, doc_type in (("syria", Document.Type.STATEMENT),
                          ("communique", Document.Type.COMMUNIQUE)):
        document = adopted.filter(session=sochi, doc_type=doc_type,
                                  status=Document.Status.ADOPTED).first()
        if document is None or _exists(_id(key)):
            continue
        issued = issuing.publication_issue(actor=press, document=document, public_id=_id(key))
        issued.sections.set([sections["CSC"]])
        _out(issued, press, officer, SOCHI_OUT)
        count["publications"] = count.get("publications", 0) + 1
    if not _exists(_id("almaty-2024")):
        almaty = services.publication_draft(
            actor=press, pub_type=Publication.Type.NEWS, year=2024, public_id=_id("almaty-2024"),
            session=_session("CSSC-2024-06-06"), sections=[sections["CSSC"]],
            states=list(MemberState.objects.filter(iso_alpha2="KZ")),
            texts={"ru": Wording(title=texts.ALMATY_TITLE_RU, body=texts.ALMATY_BODY_RU),
                   "en": Wording(title=texts.ALMATY_TITLE_EN, body=texts.ALMATY_BODY_EN)})
        _out(almaty, press, officer, ALMATY_OUT)
        count["publications"] = count.get("publications", 0) + 1
    return count
