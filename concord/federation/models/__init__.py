from concord.federation.models.exchange import (
    Distribution,
    DistributionStatus,
    NodeRequest,
    ReceivedCopy,
    SentCopy,
)
from concord.federation.models.nodes import Node, NodeKey
from concord.federation.models.witness import Cosignature, ForkEvidence, PeerCheckpoint

__all__ = ["Cosignature", "Distribution", "DistributionStatus", "ForkEvidence", "Node", "NodeKey",
           "NodeRequest", "PeerCheckpoint", "ReceivedCopy", "SentCopy"]
