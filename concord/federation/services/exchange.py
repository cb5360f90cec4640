"""Sending and receiving bundles.

Export gathers, for one peer, this node's records of every exchangeable type that the label
releases to the peer's party, and the withdrawals of those sent before that are no longer
released or are gone. Import verifies a bundle whole before it files anything of it: the sender,
its key at the signing time, the envelope signature, a new distribution id; then each content
object on its own (its type, digest, signature, label and release to this node, and a chain
position no older than the one already held). Refusals are audited with what was wrong."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Actor
from concord.core.audit import GENESIS, audit_record, canonical_json
from concord.core.errors import InvalidState, ValidationError
from concord.core.federated_labels import (
    LABEL_COLUMNS,
    LABEL_FIELDS,
    ORG_NAMES,
    FiledLabel,
    LabelRefused,
    filed_label,
    label_columns,
    stanag_label_of,
)
from concord.core.models import AuditEntry, AuditHead, Party
from concord.core.policy import system_viewer
from concord.federation import bundles, local
from concord.federation.exchange import RECORD_TYPES, RecordType
from concord.federation.models import (
    Distribution,
    DistributionStatus,
    Node,
    NodeKey,
    ReceivedCopy,
    SentCopy,
)

RECORD, WITHDRAWAL = "record", "withdrawal"
ORG_NAMES_BY = {name: level for level, name in ORG_NAMES.items()}
# Refusals of one content object on this node's policy (its label, its release to this node),
# which leave the rest of the bundle to be filed; any other fault refuses the bundle whole.
_POLICY_FIELDS = ("confidentialityLabel",)
HASH_LENGTH = 64


def local_node() -> Node:
    node = Node.objects.select_related("party").filter(is_local=True).first()
    if node is None:
        raise InvalidState(_("This node is not registered yet: run “concord federation node "
                             "show-self --party CODE”."))
    return node


# --- Export --------------------------------------------------------------------------------------


def _head() -> tuple[int, str]:
    head = AuditHead.objects.filter(pk=1).values_list("seq", "hash").first()
    return (int(head[0]), str(head[1])) if head else (0, GENESIS)


def _positions(record_type: RecordType) -> dict[str, tuple[int, str]]:
    """The audit entry that last changed each record of the type, by the record's public id."""
    found: dict[str, tuple[int, str]] = {}
    entries = (AuditEntry.objects.filter(target_type=record_type.key).order_by("seq")
               .values_list("target_id", "seq", "hash"))
    for target_id, seq, entry_hash in entries.iterator(chunk_size=5000):
        found[target_id] = (int(seq), str(entry_hash))
    return found


def _value(value: Any) -> Any:
    # Times travel in ISO 8601; ids, dates and decimals as canonical JSON writes them (str).
    return value.isoformat() if isinstance(value, datetime) else value


def _signed(content: dict[str, Any], key: Ed25519PrivateKey, key_id: str) -> dict[str, Any]:
    content["keyID"] = key_id
    content["signature"] = bundles.sign(key, bundles.object_message(content))
    return content


@dataclass
class _Gathered:
    contents: list[dict[str, Any]] = field(default_factory=list)
    sent: dict[tuple[str, str], int] = field(default_factory=dict)
    released: set[tuple[str, str]] = field(default_factory=set)
    top: int = 0


def _gather(record_type: RecordType, *, node: Node, viewer: Any, since: int,
            key: Ed25519PrivateKey, key_id: str, parties: list[Party], head: tuple[int, str],
            gathered: _Gathered, originator: Party | None = None) -> None:
    positions = _positions(record_type)
    paths = [path for _name, path in record_type.fields]
    found = record_type.model.objects.visible_to(viewer)
    found = found.filter(originator=originator) if originator is not None \
        else found.exclude(originator=node.party)
    rows = (found.order_by("pk")
            .values_list("public_id", *LABEL_COLUMNS, record_type.title, *paths))
    labels: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows.iterator(chunk_size=2000):
        public_id = str(row[0])
        gathered.released.add((record_type.key, public_id))
        seq, entry_hash = positions.get(public_id, head)
        gathered.top = max(gathered.top, seq)
        if seq <= since:
            continue
        record = {name: _value(value) for (name, _path), value in
                  zip(record_type.fields, row[6:], strict=True)}
        record_json = canonical_json(record)
        content = {
            "contentKind": RECORD, "recordType": record_type.key, "recordID": public_id,
            "title": str(row[5] or "")[:500],
            "confidentialityLabel": labels.get(row[1:5]) or labels.setdefault(
                row[1:5], stanag_label_of(row[1:5], parties)),
            "record": record_json, "digest": bundles.record_digest(record_json),
            "position": {"seq": seq, "hash": entry_hash}, "keyID": key_id}
        content["signature"] = bundles.sign(key, bundles.object_message(content))
        gathered.contents.append(content)
        gathered.sent[(record_type.key, public_id)] = seq


def _withdrawals(*, node: Node, gathered: _Gathered, key: Ed25519PrivateKey, key_id: str,
                 head: tuple[int, str], types: Iterable[RecordType]) -> list[tuple[str, str]]:
    withdrawn: list[tuple[str, str]] = []
    positions = {record_type.key: _positions(record_type) for record_type in types}
    for record_type_key, record_id in (SentCopy.objects.filter(node=node, withdrawn=False)
                                       .values_list("record_type", "record_id")):
        pair = (record_type_key, str(record_id))
        if pair in gathered.released:
            continue
        seq, entry_hash = positions.get(record_type_key, {}).get(pair[1], head)
        gathered.contents.append(_signed({
            "contentKind": WITHDRAWAL, "recordType": record_type_key, "recordID": pair[1],
            "position": {"seq": seq, "hash": entry_hash},
            "reason": "no longer released"}, key, key_id))
        withdrawn.append(pair)
    return withdrawn


def _remember(node: Node, sent: dict[tuple[str, str], int],
              withdrawn: list[tuple[str, str]]) -> None:
    SentCopy.objects.bulk_create(
        [SentCopy(node=node, record_type=record_type, record_id=uuid.UUID(record_id),
                  position_seq=seq, withdrawn=False)
         for (record_type, record_id), seq in sent.items()],
        batch_size=2000, update_conflicts=True,
        unique_fields=["node", "record_type", "record_id"],
        update_fields=["position_seq", "withdrawn"])
    by_type: dict[str, list[str]] = {}
    for record_type, record_id in withdrawn:
        by_type.setdefault(record_type, []).append(record_id)
    # One statement per type and chunk, under SQLite's limit on a statement's parameters.
    for record_type, record_ids in by_type.items():
        for start in range(0, len(record_ids), 500):
            SentCopy.objects.filter(node=node, record_type=record_type,
                                    record_id__in=record_ids[start:start + 500]).update(
                withdrawn=True)


@transaction.atomic
def bundle_export(*, actor: Actor, node: Node, since: int = 0,
                  status: str = DistributionStatus.ACTUAL) -> dict[str, Any]:
    """The bundle for `node`: what changed after the chain position `since` and is released to
    its party, and the withdrawals it is owed. Only an Actual bundle counts as sending."""
    if status not in DistributionStatus.values:
        raise ValidationError(_("Please correct the marked fields."), errors={
            "status": [_("The status is Actual, Exercise or Test.")]})
    me = local_node()
    if node.is_local:
        raise ValidationError(_("Please correct the marked fields."), errors={
            "to": [_("A node does not send bundles to itself.")]})
    key = local.node_key()
    key_id = NodeKey.id_of(local.public_key_b64(key))
    viewer = system_viewer(node.party, reason=f"federation bundle for {node.name}")
    parties = list(Party.objects.all())
    head = _head()
    gathered = _Gathered(top=since)
    for record_type in RECORD_TYPES.values():
        _gather(record_type, node=node, viewer=viewer, since=since, key=key, key_id=key_id,
                parties=parties, head=head, gathered=gathered)
    withdrawn: list[tuple[str, str]] = []
    if status == DistributionStatus.ACTUAL:
        withdrawn = _withdrawals(node=node, gathered=gathered, key=key, key_id=key_id, head=head,
                                 types=RECORD_TYPES.values())
        _remember(node, gathered.sent, withdrawn)
    envelope = _sealed(sender=me, to=node, key=key, key_id=key_id, status=status,
                       since=since, cursor=max(gathered.top, head[0]),
                       contents=gathered.contents)
    audit_record(actor=actor, action="federation.bundle.export", target=node,
                 detail={"distribution": envelope["distributionID"], "status": str(status),
                         "since": since, "records": len(gathered.sent) or sum(
                             content["contentKind"] == RECORD for content in gathered.contents),
                         "withdrawals": len(withdrawn)})
    return envelope


def _sealed(*, sender: Node, to: Node, key: Ed25519PrivateKey, key_id: str, status: str,
            since: int, cursor: int, contents: list[dict[str, Any]]) -> dict[str, Any]:
    levels = [ORG_NAMES_BY[content["confidentialityLabel"]["classification"]]
              for content in contents if content["contentKind"] == RECORD]
    envelope: dict[str, Any] = {
        "format": bundles.FORMAT, "distributionID": str(uuid.uuid4()),
        "senderID": sender.name, "recipientID": to.name,
        "dateTimeSent": clock.now().isoformat(), "distributionStatus": str(status),
        "distributionType": "Update" if since else "Report",
        "combinedConfidentiality": ORG_NAMES[max(levels, default=0)],
        "cursor": cursor, "keyID": key_id, "contentObjects": contents}
    envelope["signature"] = bundles.sign(key, bundles.envelope_message(envelope))
    return envelope


def bundle_compose(*, origin: Node, key: Ed25519PrivateKey, to: Node,
                   status: str = DistributionStatus.ACTUAL,
                   record_types: Iterable[str] | None = None,
                   withdraw: Iterable[tuple[str, str]] = ()) -> dict[str, Any]:
    """The bundle `origin` would send `to`, signed with `key`: the records of `record_types`
    (every exchangeable type if None) that `origin`'s party originated and released to `to`'s
    party, and withdrawals of the (record type, record id) pairs of `withdraw`. It writes and
    audits nothing. It serves where one database holds what several nodes originated, as the
    demo organization does, and the bundle is then filed like any other through
    `bundle_import`."""
    if status not in DistributionStatus.values:
        raise ValidationError(_("Please correct the marked fields."), errors={
            "status": [_("The status is Actual, Exercise or Test.")]})
    key_id = NodeKey.id_of(local.public_key_b64(key))
    viewer = system_viewer(to.party, reason=f"federation bundle of {origin.name} for {to.name}")
    parties = list(Party.objects.all())
    head = _head()
    gathered = _Gathered()
    chosen = RECORD_TYPES.values() if record_types is None else \
        [RECORD_TYPES[record_type] for record_type in record_types]
    for record_type in chosen:
        _gather(record_type, node=to, viewer=viewer, since=0, key_id=key_id, parties=parties,
                head=head, gathered=gathered, key=key, originator=origin.party)
    for record_type_key, record_id in withdraw:
        # A withdrawal is the latest change of its record: it stands at the chain's head.
        gathered.contents.append(_signed({
            "contentKind": WITHDRAWAL, "recordType": record_type_key, "recordID": record_id,
            "position": {"seq": head[0], "hash": head[1]},
            "reason": "no longer released"}, key, key_id))
    return _sealed(sender=origin, to=to, key=key, key_id=key_id, status=status, since=0,
                   cursor=max(gathered.top, head[0]), contents=gathered.contents)


# --- Import --------------------------------------------------------------------------------------


class BundleRefused(Exception):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


@dataclass
class ImportReport:
    distribution_id: str
    sender: str
    status: str
    accepted: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0
    withdrawn: list[tuple[str, str]] = field(default_factory=list)
    # (content object index, field, reason)
    refused: list[tuple[int, str, str]] = field(default_factory=list)


def _parsed_time(value: Any, field_name: str) -> datetime:
    when = parse_datetime(value) if isinstance(value, str) else None
    if when is None or when.tzinfo is None:
        raise BundleRefused(field_name, _("Not a time with its offset from UTC."))
    return when


def _sender_key(sender: Node, key_id: Any, sent_at: datetime) -> NodeKey:
    keys = [key for key in sender.keys.all() if key.key_id == key_id]
    if not keys:
        raise BundleRefused("keyID", _("The sender has no key with this id."))
    for key in keys:
        if key.status == NodeKey.Status.ACTIVE and key.valid_from <= sent_at:
            return key
        if key.valid_from <= sent_at and key.ended_at is not None and sent_at < key.ended_at:
            return key
    if any(key.status == NodeKey.Status.REVOKED for key in keys):
        raise BundleRefused("keyID", _("The key was revoked before the bundle was signed."))
    raise BundleRefused("keyID", _("The key was not valid when the bundle was signed."))


def _envelope(bundle: Any, me: Node) -> tuple[Node, NodeKey, datetime]:
    if not isinstance(bundle, dict):
        raise BundleRefused("bundle", _("A bundle is a JSON object."))
    if bundle.get("format") != bundles.FORMAT:
        raise BundleRefused("format", _("Not a bundle of a format this node reads."))
    try:
        uuid.UUID(str(bundle.get("distributionID")))
    except ValueError:
        raise BundleRefused("distributionID", _("Not a distribution id.")) from None
    sender = (Node.objects.select_related("party").prefetch_related("keys")
              .filter(name=str(bundle.get("senderID", ""))).first())
    if sender is None or sender.is_local:
        raise BundleRefused("senderID", _("The sender is not a node registered here."))
    if bundle.get("recipientID") != me.name:
        raise BundleRefused("recipientID", _("The bundle is addressed to another node."))
    sent_at = _parsed_time(bundle.get("dateTimeSent"), "dateTimeSent")
    if bundle.get("distributionStatus") not in DistributionStatus.values:
        raise BundleRefused("distributionStatus", _("The status is Actual, Exercise or Test."))
    if not isinstance(bundle.get("contentObjects"), list):
        raise BundleRefused("contentObjects", _("The content objects are not a list."))
    key = _sender_key(sender, bundle.get("keyID"), sent_at)
    if not bundles.signature_valid(bundles.public_key_of(key.public_key), bundle.get("signature"),
                                   bundles.envelope_message(bundle)):
        raise BundleRefused("signature", _("The bundle's signature does not match its content."))
    if Distribution.objects.filter(distribution_id=bundle["distributionID"]).exists():
        raise BundleRefused("distributionID", _("This bundle was received before."))
    return sender, key, sent_at


@dataclass(frozen=True)
class _Checked:
    kind: str
    record_type: str
    record_id: uuid.UUID
    seq: int
    entry_hash: str
    content: dict[str, Any]
    label: FiledLabel | None


def _position(content: dict[str, Any]) -> tuple[int, str]:
    position = content.get("position")
    if not isinstance(position, dict):
        raise LabelRefused("position", _("The chain position is missing."))
    seq, entry_hash = position.get("seq"), position.get("hash")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise LabelRefused("position.seq", _("Not a position in a chain."))
    if not isinstance(entry_hash, str) or len(entry_hash) != HASH_LENGTH:
        raise LabelRefused("position.hash", _("Not the hash of a chain entry."))
    return seq, entry_hash


def _record_label(content: dict[str, Any], *, parties: dict[str, Party], me: Node,
                  labels: dict[str, FiledLabel]) -> FiledLabel:
    try:
        record = json.loads(content["record"])
    except ValueError:
        raise LabelRefused("record", _("The record is not JSON.")) from None
    if not isinstance(record, dict):
        raise LabelRefused("record", _("The record is not a JSON object."))
    # A bundle carries few distinct labels; each is read against the policy once.
    given = content.get("confidentialityLabel")
    key = canonical_json(given)
    if key not in labels:
        labels[key] = filed_label(given, parties=parties, receiver=me.party)
    return labels[key]


def _check_object(content: Any, *, key: Any, key_id: str, parties: dict[str, Party],
                  me: Node, labels: dict[str, FiledLabel]) -> _Checked:
    if not isinstance(content, dict):
        raise LabelRefused("", _("A content object is a JSON object."))
    kind = content.get("contentKind")
    if kind not in (RECORD, WITHDRAWAL):
        raise LabelRefused("contentKind", _("The kind is record or withdrawal."))
    if content.get("recordType") not in RECORD_TYPES:
        raise LabelRefused("recordType", _("Not a record type this node receives."))
    try:
        record_id = uuid.UUID(str(content.get("recordID")))
    except ValueError:
        raise LabelRefused("recordID", _("Not a record id.")) from None
    if content.get("keyID") != key_id:
        raise LabelRefused("keyID", _("Signed with another key than the bundle."))
    seq, entry_hash = _position(content)
    if kind == RECORD and (not isinstance(content.get("record"), str) or bundles.record_digest(
            content["record"]) != content.get("digest")):
        raise LabelRefused("digest", _("The digest does not match the record."))
    if not bundles.signature_valid(key, content.get("signature"), bundles.object_message(content)):
        raise LabelRefused("signature", _("The signature does not match the content."))
    label = _record_label(content, parties=parties, me=me, labels=labels) \
        if kind == RECORD else None
    return _Checked(str(kind), str(content["recordType"]), record_id, seq, entry_hash, content,
                    label)


def _refuse(*, actor: Actor, report: ImportReport, sender: Node, index: int, field_name: str,
            message: str) -> None:
    report.refused.append((index, field_name, message))
    audit_record(actor=actor, action="federation.copy.refuse", target=sender,
                 outcome=AuditEntry.Outcome.DENIED,
                 detail={"distribution": report.distribution_id, "index": index,
                         "field": field_name, "reason": message})


def _file(*, actor: Actor, bundle: dict[str, Any], via: Node | None) -> ImportReport:
    me = local_node()
    sender, key, sent_at = _envelope(bundle, me)
    if via is not None and via.pk != sender.pk:
        raise BundleRefused("senderID", _("The bundle was sent by another node than its sender."))
    status = str(bundle["distributionStatus"])
    report = ImportReport(str(bundle["distributionID"]), sender.name, status)
    parties = {party.code: party for party in Party.objects.all()}
    public_key = bundles.public_key_of(key.public_key)
    checked: list[tuple[int, _Checked]] = []
    labels: dict[str, FiledLabel] = {}
    for index, content in enumerate(bundle["contentObjects"]):
        try:
            checked.append((index, _check_object(content, key=public_key, key_id=key.key_id,
                                                 parties=parties, me=me, labels=labels)))
        except LabelRefused as refused:
            if not refused.field.startswith(_POLICY_FIELDS):
                # A content object altered or malformed: the bundle is not what its sender
                # signed, and none of it is filed.
                raise BundleRefused(f"contentObjects[{index}].{refused.field}".rstrip("."),
                                    refused.message) from None
            _refuse(actor=actor, report=report, sender=sender, index=index,
                    field_name=refused.field, message=refused.message)
    exercise = status == DistributionStatus.EXERCISE
    if status != DistributionStatus.TEST:
        _store(actor=actor, report=report, sender=sender, exercise=exercise, checked=checked)
    else:
        report.unchanged = len(checked)
    now = clock.now()
    # A bundle of 100,000 records would make a 5 MB audit entry: the chain keeps the count and
    # the digest of the list, and the bundle's row keeps the list that digest proves.
    records = canonical_json([[kind, record_id] for kind, record_id in report.accepted])
    Distribution.objects.create(
        distribution_id=report.distribution_id, sender=sender, status=status, sent_at=sent_at,
        received_at=now, accepted=len(report.accepted), refused=len(report.refused),
        records=records)
    audit_record(actor=actor, action="federation.bundle.accept", target=sender,
                 detail={"distribution": report.distribution_id, "status": status,
                         "accepted": len(report.accepted),
                         "records": bundles.record_digest(records),
                         "unchanged": report.unchanged, "withdrawn": len(report.withdrawn),
                         "refused": len(report.refused)})
    return report


def _withdraw(*, actor: Actor, report: ImportReport, sender: Node, index: int,
              item: _Checked, copy: ReceivedCopy | None) -> None:
    if copy is None:
        _refuse(actor=actor, report=report, sender=sender, index=index,
                field_name="recordID", message=_("No copy of this record is held."))
        return
    if copy.withdrawn_at is None:
        copy.withdrawn_at = clock.now()
        copy.withdrawal_reason = str(item.content.get("reason", ""))[:200]
        copy.position_seq, copy.position_hash = item.seq, item.entry_hash
        copy.save(update_fields=["withdrawn_at", "withdrawal_reason", "position_seq",
                                 "position_hash"])
        audit_record(actor=actor, action="federation.copy.withdraw", target=copy,
                     detail={"distribution": report.distribution_id,
                             "origin": sender.name, "position": item.seq})
    report.withdrawn.append((item.record_type, str(item.record_id)))


def _fill(target: ReceivedCopy, item: _Checked, *, distribution_id: str) -> None:
    content, label = item.content, item.label
    assert label is not None  # noqa: S101  (a record object always has its label checked)
    target.title = str(content.get("title", ""))[:500]
    target.record = content["record"]
    target.digest = content["digest"]
    target.key_id = content["keyID"]
    target.signature = content["signature"]
    target.position_seq, target.position_hash = item.seq, item.entry_hash
    target.distribution_id = uuid.UUID(distribution_id)
    target.received_at = clock.now()
    target.withdrawn_at = None
    target.withdrawal_reason = ""
    for name, value in label_columns(label).items():
        setattr(target, name, value)


_REFILLED = ["title", "record", "digest", "key_id", "signature", "position_seq",
             "position_hash", "distribution_id", "received_at", "withdrawn_at",
             "withdrawal_reason", *LABEL_FIELDS]


def _stale(copy: ReceivedCopy | None, item: _Checked) -> str:
    """Why `item` may not replace the copy held, if it may not."""
    if copy is None:
        return ""
    if item.seq < copy.position_seq:
        return _("Older than the copy held (position %(seq)d).") % {"seq": copy.position_seq}
    if item.kind == RECORD and item.seq == copy.position_seq and \
            item.content["digest"] != copy.digest:
        return _("Another record at the position of the copy held.")
    return ""


def _store(*, actor: Actor, report: ImportReport, sender: Node, exercise: bool,
           checked: list[tuple[int, _Checked]]) -> None:
    # Every copy filed here was released to this node's party, so its eyes find them all.
    viewer = system_viewer(local_node().party, reason=f"federation copies from {sender.name}")
    copies = ReceivedCopy.objects.visible_to(viewer).filter(origin=sender, is_exercise=exercise)
    wanted: dict[str, list[uuid.UUID]] = {}
    for _index, item in checked:
        wanted.setdefault(item.record_type, []).append(item.record_id)
    # Only the copies this bundle names are read, in chunks under SQLite's parameter limit, so a
    # small update costs the same however many copies the node holds.
    held: dict[tuple[str, uuid.UUID], ReceivedCopy] = {}
    for record_type, record_ids in wanted.items():
        for start in range(0, len(record_ids), 500):
            for copy in copies.filter(record_type=record_type,
                                      record_id__in=record_ids[start:start + 500]):
                held[(copy.record_type, copy.record_id)] = copy
    new: list[ReceivedCopy] = []
    changed: list[ReceivedCopy] = []
    for index, item in checked:
        copy = held.get((item.record_type, item.record_id))
        stale = _stale(copy, item)
        if stale:
            _refuse(actor=actor, report=report, sender=sender, index=index,
                    field_name="position.seq", message=stale)
        elif item.kind == WITHDRAWAL:
            _withdraw(actor=actor, report=report, sender=sender, index=index, item=item,
                      copy=copy)
        elif copy is not None and item.seq == copy.position_seq and copy.withdrawn_at is None:
            report.unchanged += 1
        else:
            target = copy or ReceivedCopy(origin=sender, record_type=item.record_type,
                                          record_id=item.record_id, is_exercise=exercise)
            _fill(target, item, distribution_id=report.distribution_id)
            (changed if copy is not None else new).append(target)
            report.accepted.append((item.record_type, str(item.record_id)))
    releases = {(item.record_type, item.record_id): item.label.releasable_to
                for _index, item in checked if item.label is not None}
    ReceivedCopy.objects.bulk_create(new, batch_size=1000)
    ReceivedCopy.objects.bulk_update(changed, _REFILLED, batch_size=1000)
    through: Any = ReceivedCopy.releasable_to.through
    if changed:
        through.objects.filter(receivedcopy_id__in=[copy.pk for copy in changed]).delete()
    through.objects.bulk_create(
        [through(receivedcopy_id=copy.pk, party_id=party.pk) for copy in (*new, *changed)
         for party in releases[(copy.record_type, copy.record_id)]], batch_size=2000)


def bundle_import(*, actor: Actor, bundle: Any, via: Node | None = None) -> ImportReport:
    """Files what a bundle brings, or refuses it whole; `via` is the node that delivered it
    over HTTPS (None for a file). A refused bundle files nothing, and its refusal is audited."""
    try:
        with transaction.atomic():
            return _file(actor=actor, bundle=bundle, via=via)
    except BundleRefused as refused:
        sender = bundle.get("senderID", "") if isinstance(bundle, dict) else ""
        audit_record(actor=actor, action="federation.bundle.refuse",
                     target_type="federation.node", target_id=str(sender)[:100],
                     outcome=AuditEntry.Outcome.DENIED,
                     detail={"distribution": str(bundle.get("distributionID", ""))[:64]
                             if isinstance(bundle, dict) else "",
                             "field": refused.field, "reason": refused.message})
        raise ValidationError(_("The bundle is refused."),
                              errors={refused.field: [refused.message]}) from None
