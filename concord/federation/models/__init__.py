from concord.federation.models.nodes import Node, NodeKey
from concord.federation.models.witness import Cosignature, ForkEvidence, PeerCheckpoint

__all__ = ["Cosignature", "ForkEvidence", "Node", "NodeKey", "PeerCheckpoint"]
