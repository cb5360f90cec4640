"""Photos and attachments of a publication. A photo is resized on upload and kept as a JPEG no
wider than the public page shows it, so that no original (with its metadata: place, camera)
ever leaves the press service."""

from __future__ import annotations

import hashlib
import io

from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.press.models import Publication, PublicationFile
from concord.press.services.publications import CHANGE

PHOTO_MAX_SIDE = 1600
JPEG_QUALITY = 85
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


def _resized(content: bytes) -> tuple[bytes, int, int]:
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            picture = image.convert("RGB")
    except (UnidentifiedImageError, OSError) as exc:
        raise ValidationError(_("The photo was not added."), errors={
            "content": [_("This file is not an image.")]}) from exc
    picture.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    out = io.BytesIO()
    # Saved without the original's EXIF: a photo's place and device are not published.
    picture.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue(), picture.width, picture.height


@transaction.atomic
def publication_file_add(
    *, actor: Actor, publication: Publication, kind: str, name: str, content: bytes,
    content_type: str = "", caption_ru: str = "", caption_en: str = "", credit: str = "",
) -> PublicationFile:
    require_permission(actor, CHANGE)
    if publication.status == Publication.Status.WITHDRAWN:
        raise InvalidState(_("A withdrawn publication takes no new files."))
    errors: dict[str, list[str]] = {}
    if kind not in PublicationFile.Kind.values:
        errors["kind"] = [_("Unknown kind: %(kind)s.") % {"kind": kind}]
    if not content:
        errors["content"] = [_("The file is empty.")]
    elif len(content) > ATTACHMENT_MAX_BYTES:
        errors["content"] = [_("The file is larger than 20 MB.")]
    if kind == PublicationFile.Kind.PHOTO and not (caption_ru.strip() or caption_en.strip()):
        errors["caption_ru"] = [_("A photo needs a caption.")]
    if errors:
        raise ValidationError(_("The file was not added."), errors=errors)
    width = height = None
    if kind == PublicationFile.Kind.PHOTO:
        content, width, height = _resized(content)
        content_type = "image/jpeg"
        name = name.rsplit(".", 1)[0] + ".jpg"
    stored = PublicationFile.objects.create(
        publication=publication, kind=kind, name=name[:200],
        content_type=content_type or "application/octet-stream", content=content,
        sha256=hashlib.sha256(content).hexdigest(), width=width, height=height,
        caption_ru=caption_ru.strip(), caption_en=caption_en.strip(), credit=credit.strip(),
        order=publication.files.count())
    audit_record(actor=actor, action="press.file.add", target=publication,
                 detail={"file": str(stored.public_id), "kind": kind})
    return stored
