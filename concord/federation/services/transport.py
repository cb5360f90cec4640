"""Authenticating a node's request: its key, its time, its signature, and that it was not
answered before."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.errors import Forbidden
from concord.federation import bundles, transport
from concord.federation.models import Node, NodeKey, NodeRequest


@transaction.atomic
def node_request_authenticate(*, method: str, path: str, headers: Mapping[str, str],
                              body: bytes) -> Node:
    node = Node.objects.select_related("party").filter(
        name=headers.get(transport.NODE, ""), is_local=False).first()
    key = None if node is None else NodeKey.objects.filter(
        node=node, key_id=headers.get(transport.KEY, ""), status=NodeKey.Status.ACTIVE).first()
    if node is None or key is None:
        raise Forbidden(_("The request is not signed by an active key of a node known here."))
    at = headers.get(transport.TIME, "")
    when = transport.fresh_time(at)
    if when is None:
        raise Forbidden(_("The request's time is missing or too far from now."))
    signature = headers.get(transport.SIGNATURE, "")
    if not bundles.signature_valid(bundles.public_key_of(key.public_key), signature,
                                   transport.request_message(method, path, at, body)):
        raise Forbidden(_("The request's signature does not match it."))
    NodeRequest.objects.filter(at__lt=clock.now() - 2 * transport.WINDOW).delete()
    try:
        with transaction.atomic():
            NodeRequest.objects.create(signature=signature, node=node, at=when)
    except IntegrityError:
        raise Forbidden(_("This request was received before.")) from None
    return node


@transaction.atomic
def node_cursor_advance(*, node: Node, cursor: int) -> None:
    """Remembers how far the peer's bundles were pulled; never moves back."""
    Node.objects.filter(pk=node.pk, pulled_cursor__lt=cursor).update(pulled_cursor=cursor)
