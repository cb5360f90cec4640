"""The node registry as the secretariat and administrators read it."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from concord.federation.models import Node, NodeKey


def node_list() -> QuerySet[Node]:
    return (Node.objects.select_related("party")
            .prefetch_related(Prefetch("keys", queryset=NodeKey.objects.order_by("-valid_from")))
            .order_by("-is_local", "name"))


def node_named(name: str) -> Node | None:
    return Node.objects.select_related("party").filter(name=name).first()
