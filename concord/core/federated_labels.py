"""Labels at a node's border: the organization's scheme written in the form of NATO STANAG 4774
(policy, classification, releasable-to parties, originator) for a bundle, read back into this
node's labels, and the national markings a state's node shows beside a copy.

Bundles carry the organization's scheme; a national scheme is accepted in a bundle only through
its table here, one rung to one rung, never lowering a classification."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from concord.core.labels import Classification, Viewer
from concord.core.models import Party
from concord.core.policy import proposed_audience
from concord.core.release import mask_of

ORG_POLICY = "urn:concord:label:org"
# The classifications of the organization's scheme, as a bundle names them.
ORG_NAMES: dict[int, str] = {
    Classification.PUBLIC: "PUBLIC",
    Classification.OFFICIAL_USE: "OFFICIAL USE",
    Classification.CONFIDENTIAL: "CONFIDENTIAL",
    Classification.SECRET: "SECRET",
}
# The member states' national markings (the protection levels of the states' laws on state
# secrets, in the common form they share), against the organization's rungs.
NATIONAL_POLICY = "urn:concord:label:national"
NATIONAL_NAMES: dict[int, str] = {
    Classification.PUBLIC: "НЕСЕКРЕТНО",
    Classification.OFFICIAL_USE: "ДСП",
    Classification.CONFIDENTIAL: "СЕКРЕТНО",
    Classification.SECRET: "СОВЕРШЕННО СЕКРЕТНО",
}
SCHEMES: dict[str, dict[str, int]] = {
    ORG_POLICY: {name: level for level, name in ORG_NAMES.items()},
    NATIONAL_POLICY: {name: level for level, name in NATIONAL_NAMES.items()},
}
# A node holds and sends records at every rung of the organization's scheme.
NODE_CLEARANCE = Classification.SECRET


class LabelRefused(ValueError):
    """A label a bundle gives that this node cannot file: `field` names where."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class FiledLabel:
    classification: int
    originator: Party
    release_to_all_members: bool
    releasable_to: tuple[Party, ...]


def party_codes(mask: int, parties: Iterable[Party]) -> list[str]:
    """The codes of the parties whose release bits `mask` holds."""
    return sorted(party.code for party in parties if int(mask) >> party.release_bit & 1)


def stanag_label(*, classification: int, originator: str, release_to_all_members: bool,
                 releasable_to: list[str]) -> dict[str, Any]:
    return {"policyIdentifier": ORG_POLICY,
            "classification": ORG_NAMES[int(classification)],
            "originator": originator,
            "releasableToAllMembers": bool(release_to_all_members),
            "releasableTo": sorted(releasable_to)}


def national_marking(classification: int) -> str:
    return NATIONAL_NAMES[int(classification)]


def node_viewer(party: Party) -> Viewer:
    """A node's party as the reader of what is sent to it."""
    return Viewer.for_party(party, NODE_CLEARANCE)


def filed_label(label: Any, *, parties: Mapping[str, Party], receiver: Party) -> FiledLabel:
    """The label a copy is filed under here, read from a bundle's `label`; refused, naming the
    field, when its policy or classification is unknown, its originator is not a party of this
    node, or it does not release the record to `receiver`. Release codes this node does not know
    drop out: they can only narrow the release."""
    if not isinstance(label, dict):
        raise LabelRefused("confidentialityLabel", _("The label is missing."))
    scheme = SCHEMES.get(str(label.get("policyIdentifier", "")))
    if scheme is None:
        raise LabelRefused("confidentialityLabel.policyIdentifier",
                           _("The label's policy is not known here."))
    classification = scheme.get(str(label.get("classification", "")))
    if classification is None:
        raise LabelRefused("confidentialityLabel.classification",
                           _("The classification is not one of the policy's."))
    originator = parties.get(str(label.get("originator", "")))
    if originator is None:
        raise LabelRefused("confidentialityLabel.originator",
                           _("The originator is not a party known here."))
    codes = label.get("releasableTo", [])
    if not isinstance(codes, list):
        raise LabelRefused("confidentialityLabel.releasableTo", _("The release list is not a list."))
    to_all = label.get("releasableToAllMembers") is True
    releasable = tuple(parties[str(code)] for code in codes if str(code) in parties)
    audience = proposed_audience(classification=classification, originator=originator,
                                 release_to_all_members=to_all, releasable_to=releasable)
    if not audience.admits(node_viewer(receiver)):
        raise LabelRefused("confidentialityLabel.releasableTo",
                           _("The record is not released to this node's party."))
    return FiledLabel(classification, originator, to_all, releasable)


# A labelled record's label as its columns: read with `values_list(*LABEL_COLUMNS)` for a
# bundle, written back by `label_columns` when a copy is filed.
LABEL_COLUMNS = ("classification", "originator__code", "release_to_all_members", "release_mask")
LABEL_FIELDS = ("classification", "originator", "release_to_all_members", "release_mask")


def stanag_label_of(columns: tuple[Any, ...], parties: Iterable[Party]) -> dict[str, Any]:
    """The bundle label of a record read as `LABEL_COLUMNS`."""
    classification, originator, to_all, mask = columns
    return stanag_label(classification=classification, originator=originator,
                        release_to_all_members=to_all, releasable_to=party_codes(mask, parties))


def label_columns(label: FiledLabel) -> dict[str, Any]:
    """The values of `LABEL_FIELDS` that file a copy under `label`."""
    return {"classification": label.classification, "originator": label.originator,
            "release_to_all_members": label.release_to_all_members,
            "release_mask": mask_of(party.release_bit for party in label.releasable_to)}
