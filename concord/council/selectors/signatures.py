"""Signatures, signers' keys and an agreement's treaty status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.utils.translation import gettext as _

from concord.core.actors import Viewer
from concord.core.errors import NotFound
from concord.core.filters import order_by
from concord.council.filters import SIGNER_KEY_SORTS, SignerKeyFilters
from concord.council.models import (
    Document,
    Signature,
    SignerKey,
    TreatyAction,
)
from concord.council.services import entry_into_force


def document_signatures(*, document: Document) -> list[Signature]:
    return list(document.signatures.all())


@dataclass(frozen=True)
class TreatyStatus:
    rows: list[TreatyAction]
    in_force_on: date | None
    deposits: int


def treaty_status(*, document: Document) -> TreatyStatus:
    rows = list(TreatyAction.objects.filter(document=document).select_related("state")
                .order_by("state__name_ru"))
    return TreatyStatus(rows, entry_into_force(document=document, actions=rows),
                        sum(1 for r in rows if r.deposited_on))


def signer_key_list(*, viewer: Viewer, filters: SignerKeyFilters | None = None
                    ) -> QuerySet[SignerKey]:
    """Public keys are public: anyone may read them to check a signature."""
    filters = filters or SignerKeyFilters()
    keys = SignerKey.objects.select_related("official", "state").annotate(
        revoked=ExpressionWrapper(Q(revoked_at__isnull=False), output_field=BooleanField()))
    if filters.q:
        keys = keys.filter(Q(official__name_ru__icontains=filters.q)
                           | Q(official__name_en__icontains=filters.q)
                           | Q(state__name_ru__icontains=filters.q)
                           | Q(state__name_en__icontains=filters.q)
                           | Q(fingerprint__icontains=filters.q))
    return keys.order_by(*order_by(filters.sort, SIGNER_KEY_SORTS))


def signer_key_get(*, viewer: Viewer, fingerprint: str) -> SignerKey:
    """Public keys are public: anyone may read them to check a signature."""
    key = SignerKey.objects.select_related("official", "state").filter(
        fingerprint=fingerprint).first()
    if key is None:
        raise NotFound(_("No signer key %(fingerprint)s.") % {"fingerprint": fingerprint})
    return key
