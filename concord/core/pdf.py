"""The font that PDF output writes with. PDFs carry Cyrillic text, which reportlab's built-in
fonts lack: the DejaVu fonts installed from npm with the other assets come first, so a fresh
machine needs no system fonts; CONCORD_PDF_FONT names another TrueType file."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from concord.core.errors import InvalidState

_SYSTEM_FONTS = Path("/usr/share/fonts/truetype")


def _candidates(family: str) -> list[Path]:
    configured = [Path(settings.CONCORD_PDF_FONT)] if settings.CONCORD_PDF_FONT else []
    return [
        *configured,
        Path(settings.NODE_MODULES) / "dejavu-fonts-ttf" / "ttf" / f"DejaVu{family}.ttf",
        _SYSTEM_FONTS / "dejavu" / f"DejaVu{family}.ttf",
        _SYSTEM_FONTS / "liberation" / f"Liberation{family}-Regular.ttf",
    ]


def font_file(*, serif: bool = False) -> Path | None:
    """The TrueType file to draw Cyrillic text with (also for charts drawn as images)."""
    return next((c for c in _candidates("Serif" if serif else "Sans") if c.is_file()), None)


def pdf_font(*, serif: bool = False) -> str:
    """Registers the font once per process and returns its name for reportlab styles."""
    name = "ConcordSerif" if serif else "ConcordSans"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    path = font_file(serif=serif)
    if path is not None:
        pdfmetrics.registerFont(TTFont(name, str(path)))
        return name
    raise InvalidState(_("No font with Cyrillic letters is installed for PDF output "
                         "(run `npm ci`, or set CONCORD_PDF_FONT)."))
