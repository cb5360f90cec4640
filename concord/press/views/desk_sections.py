"""The press desk's sections: the list, and the forms that create and edit one."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core.forms import form_page, posted, submit_to_service
from concord.press import forms
from concord.press.models import Section
from concord.press.selectors import publications as selectors
from concord.press.services import sections as services

MANAGE = services.MANAGE


def _fields(data: dict[str, Any]) -> services.SectionFields:
    return services.SectionFields(slug=data["slug"], kind=data["kind"], body=data["body"],
                                  name_ru=data["name_ru"], name_en=data["name_en"],
                                  order=data["order"] or 0)


@login_required
@permission_required("press.view_publication", raise_exception=True)
def section_list(request: HttpRequest) -> HttpResponse:
    return render(request, "press/desk/sections.html", {"sections": selectors.section_list()})


@form_page(MANAGE)
def section_create(request: HttpRequest) -> HttpResponse:
    form = forms.SectionForm(posted(request), bodies=selectors.section_bodies())
    back = reverse("press:section-list")
    return submit_to_service(
        request, form,
        call=lambda data: services.section_create(actor=request.user, fields=_fields(data)),
        success_url=back, success_message=_("The section was created."),
        template="press/desk/form.html", context={"title": _("New section"), "back": back})


@form_page(MANAGE)
def section_edit(request: HttpRequest, slug: str) -> HttpResponse:
    section: Section = selectors.section_get(slug=slug)
    form = forms.SectionForm(posted(request), bodies=selectors.section_bodies(), initial={
        "slug": section.slug, "kind": section.kind, "body": section.body,
        "name_ru": section.name_ru, "name_en": section.name_en, "order": section.order})
    back = reverse("press:section-list")
    return submit_to_service(
        request, form,
        call=lambda data: services.section_update(actor=request.user, section=section,
                                                  fields=_fields(data)),
        success_url=back, success_message=_("The section was saved."),
        template="press/desk/form.html",
        context={"title": _("Section «%(name)s»") % {"name": section.name}, "back": back})
