from concord.federation.models.nodes import Node, NodeKey

__all__ = ["Node", "NodeKey"]
