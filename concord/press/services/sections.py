"""The press desk's sections: where publications are filed, under a body of the organization or
under a theme. The press officer creates and renames them; each change is audited."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.errors import ValidationError, require_permission
from concord.press.models import Section
from concord.registry.models import Body

MANAGE = "press.add_publication"


@dataclass(frozen=True)
class SectionFields:
    slug: str
    kind: str
    name_ru: str
    name_en: str
    body: Body | None = None
    order: int = 0


def _errors(fields: SectionFields, section: Section | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not fields.slug or slugify(fields.slug) != fields.slug:
        errors["slug"] = [_("A code is written in Latin lower-case letters, digits and hyphens: "
                            "«%(value)s» is not.") % {"value": fields.slug}]
    elif Section.objects.filter(slug=fields.slug).exclude(
            pk__in=[section.pk] if section else []).exists():
        errors["slug"] = [_("The code «%(value)s» is taken by another section.")
                          % {"value": fields.slug}]
    if fields.kind not in Section.Kind.values:
        errors["kind"] = [_("Unknown kind: %(kind)s.") % {"kind": fields.kind}]
    elif fields.kind == Section.Kind.BODY and fields.body is None:
        errors["body"] = [_("A section of a body names the body.")]
    elif fields.kind == Section.Kind.THEME and fields.body is not None:
        errors["body"] = [_("A section of a theme names no body.")]
    for name in ("name_ru", "name_en"):
        if not getattr(fields, name).strip():
            errors[name] = [_("A name is required.")]
    return errors


@transaction.atomic
def section_create(*, actor: Actor, fields: SectionFields) -> Section:
    require_permission(actor, MANAGE)
    errors = _errors(fields, None)
    if errors:
        raise ValidationError(_("The section was not created."), errors=errors)
    section = Section.objects.create(slug=fields.slug, kind=fields.kind, body=fields.body,
                                     name_ru=fields.name_ru.strip(),
                                     name_en=fields.name_en.strip(), order=fields.order)
    audit_record(actor=actor, action="press.section.create", target=section,
                 detail={"slug": section.slug})
    return section


@transaction.atomic
def section_update(*, actor: Actor, section: Section, fields: SectionFields) -> Section:
    require_permission(actor, MANAGE)
    errors = _errors(fields, section)
    if errors:
        raise ValidationError(_("The section was not saved."), errors=errors)
    before = section.slug
    section.slug, section.kind, section.body = fields.slug, fields.kind, fields.body
    section.name_ru, section.name_en = fields.name_ru.strip(), fields.name_en.strip()
    section.order = fields.order
    section.save()
    audit_record(actor=actor, action="press.section.update", target=section,
                 detail={"slug": section.slug, "was": before})
    return section
