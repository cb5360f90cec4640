"""Registering the federation's nodes and keeping their keys: a peer is registered with the
public key its operator handed over out of band; rotating retires the old key, revoking ends it
from a given time. Every change is audited."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.errors import Conflict, NotFound, ValidationError
from concord.core.models import Party
from concord.federation import local
from concord.federation.models import Node, NodeKey

_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")
NAME_LENGTH = 64
ED25519_KEY_BYTES = 32


def _invalid(field: str, message: str) -> ValidationError:
    return ValidationError(_("Please correct the marked fields."), errors={field: [message]})


def _key_id(public_key: str) -> str:
    try:
        if len(base64.b64decode(public_key, validate=True)) != ED25519_KEY_BYTES:
            raise ValueError
        raw_id = NodeKey.id_of(public_key)
    except (ValueError, binascii.Error):
        raise _invalid("key", _("The key is not a raw Ed25519 public key in base64 "
                                "(32 bytes).")) from None
    return raw_id


def _party(code: str) -> Party:
    party = Party.objects.filter(code=code).first()
    if party is None:
        raise _invalid("party", _("There is no party with the code “%(code)s”.") % {"code": code})
    return party


def _check_name(name: str) -> None:
    if not name or len(name) > NAME_LENGTH or not set(name) <= _NAME_CHARS:
        raise _invalid("name", _("A node's name is up to 64 lowercase Latin letters, digits, "
                                 "hyphens or underscores."))


@transaction.atomic
def node_register(*, actor: Actor, name: str, party_code: str, public_key: str,
                  endpoint: str = "", is_local: bool = False) -> Node:
    _check_name(name)
    party = _party(party_code)
    key_id = _key_id(public_key)
    if Node.objects.filter(name=name).exists():
        raise Conflict(_("A node named “%(name)s” is already registered.") % {"name": name})
    if NodeKey.objects.filter(public_key=public_key).exists():
        raise _invalid("key", _("This key is already registered to a node."))
    if is_local and Node.objects.filter(is_local=True).exists():
        raise Conflict(_("This node is already registered."))
    node = Node.objects.create(name=name, party=party, endpoint=endpoint, is_local=is_local)
    NodeKey.objects.create(node=node, public_key=public_key, key_id=key_id,
                           valid_from=clock.now())
    audit_record(actor=actor, action="federation.node.register", target=node,
                 detail={"party": party.code, "key_id": key_id, "endpoint": endpoint,
                         "local": is_local})
    return node


def node_register_self(*, actor: Actor, party_code: str, endpoint: str = "") -> Node:
    """This installation as a node, under its configured name and the deployment key."""
    return node_register(actor=actor, name=local.node_name(), party_code=party_code,
                         public_key=local.public_key_b64(), endpoint=endpoint, is_local=True)


def _node(name: str) -> Node:
    node = Node.objects.select_related("party").filter(name=name).first()
    if node is None:
        raise NotFound(_("There is no node named “%(name)s”.") % {"name": name})
    return node


@transaction.atomic
def node_key_rotate(*, actor: Actor, name: str, public_key: str) -> NodeKey:
    node = _node(name)
    key_id = _key_id(public_key)
    now = clock.now()
    old = NodeKey.objects.select_for_update().filter(node=node, status=NodeKey.Status.ACTIVE)
    retired = [key.key_id for key in old]
    # A retired key needs no reason of its own: its status says it, in the reader's language.
    old.update(status=NodeKey.Status.RETIRED, ended_at=now)
    try:
        with transaction.atomic():
            key = NodeKey.objects.create(node=node, public_key=public_key, key_id=key_id,
                                         valid_from=now)
    except IntegrityError:
        raise _invalid("key", _("This key is already registered to a node.")) from None
    audit_record(actor=actor, action="federation.node.rotate", target=node,
                 detail={"key_id": key_id, "retired": retired})
    return key


@transaction.atomic
def node_key_revoke(*, actor: Actor, name: str, reason: str,
                    at: datetime | None = None) -> list[NodeKey]:
    """Revokes the node's active key (and any retired key still vouching for signatures after
    `at`): from `at` on, nothing signed with them is accepted."""
    node = _node(name)
    if not reason.strip():
        raise _invalid("reason", _("State why the key is revoked."))
    when = at or clock.now()
    if when.tzinfo is None:
        raise _invalid("at", _("Give the time with its offset from UTC."))
    keys = list(NodeKey.objects.select_for_update().filter(node=node).exclude(
        status=NodeKey.Status.REVOKED))
    keys = [key for key in keys if key.status == NodeKey.Status.ACTIVE
            or key.ended_at is None or key.ended_at > when]
    if not keys:
        raise Conflict(_("The node has no key to revoke."))
    for key in keys:
        key.status = NodeKey.Status.REVOKED
        key.ended_at = when if key.ended_at is None else min(key.ended_at, when)
        key.reason = reason.strip()[:500]
        key.save(update_fields=["status", "ended_at", "reason"])
    audit_record(actor=actor, action="federation.node.revoke", target=node,
                 detail={"keys": [key.key_id for key in keys], "at": when.isoformat(),
                         "reason": reason.strip()[:500]})
    return keys
