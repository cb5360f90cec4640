"""The models of the press app, one module per concern, all imported here."""

from concord.press.models.media import PublicationFile
from concord.press.models.publications import (
    LANGUAGE_CODES,
    LANGUAGES,
    Publication,
    PublicationText,
    Section,
)

__all__ = ["LANGUAGES", "LANGUAGE_CODES", "Publication", "PublicationFile", "PublicationText", "Section"]
