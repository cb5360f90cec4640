from concord.federation.models.exchange import (
    Distribution,
    DistributionStatus,
    NodeRequest,
    ReceivedCopy,
    SentCopy,
)
from concord.federation.models.nodes import Node, NodeKey

__all__ = ["Distribution", "DistributionStatus", "Node", "NodeKey", "NodeRequest",
           "ReceivedCopy", "SentCopy"]
