"""The kernel's tables and the labelled model every app builds on, split by sub-domain:
`parties`, `labelled` (the label, the scoped manager and queries), `audit`, `scheduling`,
`label_changes`."""

from concord.core.models.audit import AuditEntry, AuditHead
from concord.core.models.label_changes import LabelChange
from concord.core.models.labelled import (
    UNSCOPED_ALLOWED_PREFIXES,
    UNSCOPED_READER,
    VIEWER_ATTRIBUTE,
    LabelledManager,
    LabelledModel,
    LabelledQuery,
    LabelledQuerySet,
    ScopedForwardDescriptor,
    reader_of,
    scope_relations,
)
from concord.core.models.parties import MAX_RELEASE_BIT, Party, Translated, localized
from concord.core.models.scheduling import ScheduledTask

__all__ = [
    "MAX_RELEASE_BIT", "UNSCOPED_ALLOWED_PREFIXES", "UNSCOPED_READER", "VIEWER_ATTRIBUTE",
    "AuditEntry", "AuditHead", "LabelChange", "LabelledManager", "LabelledModel",
    "LabelledQuery", "LabelledQuerySet", "Party", "ScheduledTask", "ScopedForwardDescriptor",
    "Translated", "localized", "reader_of", "scope_relations",
]
