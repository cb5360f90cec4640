"""End-use certificates and handover acts as the viewer may read them: each is read through the
pledge it belongs to, so a certificate or act of a withheld pledge is missing for those it is
withheld from, exactly like a record that does not exist."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from concord.assistance.models import (
    Delivery,
    EndUseCertificate,
    HandoverAct,
    Pledge,
    PledgeLine,
)
from concord.assistance.selectors.figures import visible_pledges
from concord.core.actors import Viewer
from concord.core.errors import NotFound
from concord.council.models import SignerKey
from concord.registry.models import MemberState


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def certificate_get(*, viewer: Viewer, public_id: Any) -> EndUseCertificate:
    key = _uuid(public_id)
    found = None if key is None else (
        EndUseCertificate.objects.filter(public_id=key, pledge__in=visible_pledges(viewer))
        .select_related("pledge__state", "pledge__request__requesting_state", "recipient",
                        "key", "signed_by").first())
    if found is None:
        raise NotFound(_("End-use certificate not found."))
    return found


def certificates_of_pledge(*, pledge: Pledge) -> list[EndUseCertificate]:
    """The certificates of a pledge the caller was allowed to read."""
    return list(EndUseCertificate.objects.filter(pledge=pledge)
                .order_by("issued_on", "pk"))


def certificates_of_pledges(*, pledges: list[Pledge]) -> list[EndUseCertificate]:
    """The certificates of `pledges`, a request's pledges the viewer was allowed to read (as its
    page has them), each given its pledge from them."""
    of_pledge = {pledge.pk: pledge for pledge in pledges}
    if not of_pledge:
        return []
    found = list(EndUseCertificate.objects.filter(pledge_id__in=list(of_pledge))
                 .order_by("issued_on", "pk"))
    for certificate in found:
        certificate.pledge = of_pledge[certificate.pledge_id]
    return found


def certificate_items(*, certificate: EndUseCertificate) -> list[PledgeLine]:
    return list(certificate.lines.select_related("line").order_by("line__number", "pk"))


def acts_by_delivery(*, deliveries: list[Delivery]) -> dict[int, HandoverAct]:
    """The handover act of each of `deliveries` the caller was allowed to read, by delivery."""
    return {act.delivery_id: act
            for act in HandoverAct.objects.filter(delivery__in=[d.pk for d in deliveries])}


def act_of(*, delivery: Delivery) -> HandoverAct | None:
    return HandoverAct.objects.filter(delivery=delivery).first()


def signer_keys_of(*, state: MemberState) -> QuerySet[SignerKey]:
    """The keys, not revoked, of the officials who may sign for `state`."""
    return (SignerKey.objects.filter(state=state, revoked_at__isnull=True)
            .select_related("official").order_by("official__name_ru", "pk"))
