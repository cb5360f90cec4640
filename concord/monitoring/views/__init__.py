"""The monitoring pages, by sub-domain: the situation picture, incidents, imports, early
warning and situation reports."""
