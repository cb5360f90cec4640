"""How a file taken away is answered: its content type and its name."""

from __future__ import annotations

from django.http import HttpResponse

from concord.council.models import Document

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def download(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[filename.rsplit(".", 1)[1]])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def filename(document: Document, language: str, extension: str) -> str:
    return f"{document.symbol.replace('/', '-')}-{language}.{extension}"
