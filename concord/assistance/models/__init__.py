"""The models of the assistance app, one module per concern, all imported here: the catalogue,
requests with their phases and lines, pledges with their lines and revisions, deliveries with
end-use certificates and handover acts, and the fair-share allocation's inputs and results."""

from concord.assistance.models.allocation import (
    AllocationProposal,
    AllocationRow,
    BurdenKey,
    BurdenShare,
    CapacityDeclaration,
)
from concord.assistance.models.catalogue import (
    MILITARY_CATEGORIES,
    Category,
    Kind,
    Priority,
    Terms,
    Unit,
    Urgency,
)
from concord.assistance.models.deliveries import (
    Delivery,
    DeliveryItem,
    EndUseCertificate,
    HandoverAct,
    HandoverSignature,
)
from concord.assistance.models.pledges import Pledge, PledgeLine, PledgeRevision
from concord.assistance.models.requests import AssistanceRequest, RequestLine, RequestPhase

__all__ = [
    "MILITARY_CATEGORIES", "AllocationProposal", "AllocationRow", "AssistanceRequest",
    "BurdenKey", "BurdenShare", "CapacityDeclaration", "Category", "Delivery", "DeliveryItem",
    "EndUseCertificate", "HandoverAct", "HandoverSignature", "Kind", "Pledge", "PledgeLine",
    "PledgeRevision", "Priority", "RequestLine", "RequestPhase", "Terms", "Unit", "Urgency",
]
