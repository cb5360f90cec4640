# No `from __future__ import annotations`: django-ninja reads the annotations at request time.

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from concord.core.errors import NotFound
from concord.press.models import LANGUAGE_CODES, Publication
from concord.press.outputs.ninjs import ninjs
from concord.press.schemas import NinjsOut
from concord.press.selectors import public

router = Router(tags=["press"])

MAX_LIMIT = 100


class PublicationQuery(Schema):
    language: str = "ru"
    type: str = ""
    limit: int = 20
    offset: int = 0


def _document(request: HttpRequest, item: Publication, language: str) -> dict[str, Any]:
    shown = public.item_in(item, language)
    return ninjs(item=item, text=shown.text, others=[shown.other] if shown.other else [],
                 absolute=request.build_absolute_uri)


@router.get("/publications", response=list[NinjsOut],
            summary="Public publications in one language, as IPTC ninjs 2.0, the latest first")
def publications(request: HttpRequest, query: Query[PublicationQuery]) -> list[dict[str, Any]]:
    if query.language not in LANGUAGE_CODES:
        raise HttpError(422, _("Unknown language: %(code)s.") % {"code": query.language})
    if query.type and query.type not in Publication.Type.values:
        raise HttpError(422, _("Unknown type: %(type)s.") % {"type": query.type})
    limit = max(1, min(query.limit, MAX_LIMIT))
    offset = max(0, query.offset)
    items = public.published(language=query.language, pub_type=query.type,
                             with_withdrawn=True)[offset:offset + limit]
    return [_document(request, item, query.language) for item in items]


@router.get("/publications/{number}/{language}", response=NinjsOut,
            summary="One public publication in one language, as IPTC ninjs 2.0")
def publication(request: HttpRequest, number: str, language: str) -> dict[str, Any]:
    if language not in LANGUAGE_CODES:
        raise NotFound(_("This publication is not published in this language."))
    item = public.publication_by_number(number=number)
    return _document(request, item, language)
