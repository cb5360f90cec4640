"""Reads of the witnessing records: what peers showed this node, the evidence of their forks, and
the cosignatures this node holds for its own checkpoints.

None of these records is labelled: they name nodes, entry counts and hashes, never a record of
the chain. The page that lists them is for those who may view them (`permission`)."""

from __future__ import annotations

from typing import Any

from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from concord.core.checkpoint import WitnessReport, checkpoint_in_chain
from concord.core.errors import Forbidden
from concord.core.models import AuditEntry
from concord.federation.models import Cosignature, ForkEvidence, PeerCheckpoint

PERMISSION = "federation.view_peercheckpoint"


def _require(viewer: Any) -> None:
    if not viewer.has_perm(PERMISSION):
        raise Forbidden(_("Only the secretariat and administrators see the witnessed checkpoints."))


def peer_checkpoints(*, viewer: Any) -> QuerySet[PeerCheckpoint]:
    _require(viewer)
    return PeerCheckpoint.objects.select_related("node", "node__party").order_by("node__name")


def fork_evidence(*, viewer: Any) -> QuerySet[ForkEvidence]:
    _require(viewer)
    return ForkEvidence.objects.select_related("node", "node__party")


def own_cosignatures(*, viewer: Any) -> list[Cosignature]:
    """The newest cosignature each witness gave this node."""
    _require(viewer)
    return _latest_per_witness()


def _latest_per_witness() -> list[Cosignature]:
    newest = Cosignature.objects.values("witness").annotate(size=Max("size"))
    wanted = {(row["witness"], row["size"]) for row in newest}
    rows = Cosignature.objects.select_related("witness").order_by("witness__name")
    return [c for c in rows.filter(size__in={size for _w, size in wanted})
            if (c.witness_id, c.size) in wanted]


def witness_check(chain_entries: int) -> WitnessReport:
    """Every checkpoint a witness cosigned must still be in the chain with its hash: a chain
    rewritten or cut short behind one contradicts a signature this node cannot take back.
    Each is held against the table rather than against the `chain_entries` the walk reached,
    since a checkpoint cosigned during the walk lies beyond it."""
    lines = [f"witnessed by {c.witness.name}: {c.size} entries, cosigned "
             f"{c.cosigned_at.isoformat(timespec='seconds')}"
             for c in _latest_per_witness()]
    if not lines:
        return WitnessReport(("no witness has cosigned a checkpoint yet "
                              "(`concord witness request` asks them)",))
    checked: dict[tuple[int, str], bool] = {}
    for cosignature in (Cosignature.objects.select_related("witness")
                        .order_by("-size", "witness__name").iterator()):
        pair = (cosignature.size, cosignature.root_hash)
        if pair not in checked:
            statement = {"entries": cosignature.size, "head_hash": cosignature.root_hash}
            checked[pair] = checkpoint_in_chain({"statement": statement})
        if not checked[pair]:
            gone = not AuditEntry.objects.filter(seq=cosignature.size).exists()
            where = (f"the chain ends before entry {cosignature.size} (cut short)" if gone
                     else f"entry {cosignature.size} now has another hash (rewritten)")
            return WitnessReport(tuple(lines), (
                f"{cosignature.witness.name} cosigned the checkpoint of {cosignature.size} "
                f"entries on {cosignature.cosigned_at.isoformat(timespec='seconds')}, but "
                f"{where}"))
    return WitnessReport(tuple(lines))
