"""The formats people take away: iCalendar for sessions, DOCX and PDF laid out as official
documents, and Akoma Ntoso 3.0 XML of adopted documents. Each DOCX and PDF carries its record's
marking at the top and bottom of every page, in the document's language, and the Akoma Ntoso
its label in the proprietary metadata (concord.core.marking). One module per format."""

from concord.council.outputs.akn import document_akn
from concord.council.outputs.docx import document_docx, report_docx
from concord.council.outputs.files import CONTENT_TYPES, download, filename
from concord.council.outputs.ical import sessions_ical
from concord.council.outputs.pdf import document_pdf, report_pdf

__all__ = ["CONTENT_TYPES", "document_akn", "document_docx", "document_pdf", "download",
           "filename", "report_docx", "report_pdf", "sessions_ical"]
