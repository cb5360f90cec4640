"""What the addressed delegations are told, by mail after the change is committed: that a request
is open for their offers, that its window is about to close, and that a pledge is overdue. Nobody
is told of a record they could not read in Concord."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from concord.accounts.models import User
from concord.assistance.models import AssistanceRequest, Pledge
from concord.core.labels import PartyKind, can_read
from concord.core.models import Party
from concord.registry.models import MemberState


def _addressed_parties(request: AssistanceRequest) -> set[int]:
    if request.addressed_to_all:
        states = MemberState.objects.exclude(pk=request.requesting_state_id)
    else:
        states = request.addressed_states.all()
    return set(states.values_list("party_id", flat=True))


def _people(party_ids: set[int], record: AssistanceRequest | Pledge) -> Iterable[User]:
    users = (User.objects.filter(is_active=True, party_id__in=party_ids).exclude(email="")
             .select_related("party"))
    return [user for user in users if can_read(user, record)]


def _send(subject: str, body: str, people: Iterable[User]) -> int:
    recipients = sorted({user.email for user in people})
    if not recipients:
        return 0
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=True)


def after_commit_opened(request: AssistanceRequest) -> None:
    transaction.on_commit(lambda: tell_opened(request))


def tell_opened(request: AssistanceRequest) -> int:
    subject = _("Assistance request %(reference)s is open for offers") % {
        "reference": request.reference}
    body = _("%(state)s asks for assistance: %(title)s. Offers are taken until %(closes)s.") % {
        "state": request.requesting_state.name, "title": request.title,
        "closes": request.closes_on.isoformat() if request.closes_on else "—"}
    return _send(subject, body, _people(_addressed_parties(request), request))


def tell_closing(request: AssistanceRequest) -> int:
    subject = _("Offers on %(reference)s close on %(closes)s") % {
        "reference": request.reference,
        "closes": request.closes_on.isoformat() if request.closes_on else "—"}
    body = _("The window for offers on “%(title)s” closes soon; pledges made after it are "
             "refused.") % {"title": request.title}
    return _send(subject, body, _people(_addressed_parties(request), request))


def tell_overdue(pledge: Pledge, lines: int) -> int:
    request = pledge.request
    subject = _("Overdue pledge to %(reference)s") % {"reference": request.reference}
    body = ngettext("%(state)s has %(count)d pledge line to “%(title)s” past its promised "
                    "date and not delivered.",
                    "%(state)s has %(count)d pledge lines to “%(title)s” past their promised "
                    "date and not delivered.", lines) % {
        "state": pledge.state.name, "count": lines, "title": request.title}
    office = set(Party.objects.filter(kind=PartyKind.SECRETARIAT).values_list("pk", flat=True))
    parties = {pledge.state.party_id, request.requesting_state.party_id, *office}
    return _send(subject, body, _people(parties, pledge))
