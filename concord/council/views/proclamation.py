"""The page on which the secretariat records that the chair proclaimed an act."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from concord.core.forms import form_page, posted
from concord.council import selectors, services
from concord.council.forms import ProclamationForm
from concord.council.views._common import edit_page


@form_page("council.change_document")
def document_proclaim(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    form = ProclamationForm(posted(request), initial={
        "proclaimed_on": document.session.starts_on if document.session else None})

    def proclaim(data: dict[str, Any]) -> object:
        return services.document_proclaim(actor=request.user, document=document, by=data["by"],
                                          session=document.session, on=data["proclaimed_on"])

    return edit_page(
        request, form, call=proclaim, back=document.get_absolute_url(),
        message=_("The proclamation was recorded."),
        title=_("Proclamation of %(symbol)s") % {"symbol": document.symbol})
