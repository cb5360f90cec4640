"""Requests, their pledges and deliveries as the viewer may read them. A pledge the viewer may
not read is absent from every list here, and so are its lines and consignments."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.db import DEFAULT_DB_ALIAS
from django.db.models import F, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from concord.assistance.filters import REQUEST_SORTS, RequestFilters
from concord.assistance.models import (
    AssistanceRequest,
    Delivery,
    Pledge,
    PledgeLine,
    RequestLine,
    RequestPhase,
)
from concord.assistance.selectors.figures import due_day, visible_pledges, with_totals
from concord.core import clock
from concord.core.actors import Viewer
from concord.core.errors import NotFound
from concord.core.filters import order_by
from concord.core.labels import PartyKind
from concord.core.labels import Viewer as LabelViewer
from concord.core.models import VIEWER_ATTRIBUTE, Party
from concord.core.prepared import PreparedQuery
from concord.core.scoping import audited_read, labelled_get, public_id_of
from concord.registry.models import MemberState


def party_of(who: Any) -> Party | None:
    if not getattr(who, "is_authenticated", False):
        return None
    party = getattr(who, "party", None)
    return party if isinstance(party, Party) else None


def state_of(who: Any) -> MemberState | None:
    """The member state a delegation's user speaks for; None for the secretariat, the system
    and a signed-out visitor."""
    party = party_of(who)
    if party is None or party.kind != PartyKind.STATE:
        return None
    return MemberState.objects.filter(party=party).first()


def addressed_q(party: Party | None) -> Q:
    """The requests a state's delegation is asked to answer: addressed to all or to it by
    name, and not its own."""
    if party is None or party.kind != PartyKind.STATE:
        return Q(pk__in=[])
    return (Q(addressed_to_all=True) | Q(addressed_states__party=party)) & ~Q(
        requesting_state__party=party)


def request_list(*, viewer: Viewer, filters: RequestFilters | None = None
                 ) -> QuerySet[AssistanceRequest]:
    filters = filters or RequestFilters()
    requests: QuerySet[AssistanceRequest] = (AssistanceRequest.objects.visible_to(viewer)
                                              .select_related("requesting_state"))
    if filters.q:
        requests = requests.filter(Q(title_ru__icontains=filters.q)
                                   | Q(title_en__icontains=filters.q)
                                   | Q(reference__icontains=filters.q)
                                   | Q(beneficiary_ru__icontains=filters.q)
                                   | Q(beneficiary_en__icontains=filters.q))
    if filters.status:
        requests = requests.filter(status__in=filters.status)
    if filters.kind:
        requests = requests.filter(kind__in=filters.kind)
    if filters.urgency:
        requests = requests.filter(urgency__in=filters.urgency)
    if filters.state:
        requests = requests.filter(requesting_state__iso_alpha2=filters.state)
    if filters.overdue:
        requests = with_totals(requests, viewer=viewer)
        requests = requests.filter(Q(overdue_since__isnull=False)).exclude(
            status__in=(AssistanceRequest.Status.DRAFT, AssistanceRequest.Status.WITHDRAWN))
    return requests.order_by(*order_by(filters.sort, REQUEST_SORTS))


def requesting_state_choices() -> list[tuple[str, str]]:
    """The member states, by code and name, for the requests list's state filter."""
    return [(state.iso_alpha2, state.name) for state in MemberState.objects.all()]


def request_get(*, viewer: Viewer, public_id: Any) -> AssistanceRequest:
    key = public_id_of(AssistanceRequest, public_id)
    # Ordered on their own columns: the models' default orderings go through the request and
    # would join it again to sort by its creation, for rows of that one request, and the lookup
    # names one record, which needs no order at all.
    queryset = (AssistanceRequest.objects.select_related("requesting_state", "originator")
                .prefetch_related(Prefetch("phases", RequestPhase.objects.order_by("number")),
                                  "addressed_states")
                .order_by())
    request: AssistanceRequest = labelled_get(queryset, viewer=viewer, public_id=key)
    return request


_REQUEST_COLUMNS = tuple(field.attname for field in AssistanceRequest._meta.concrete_fields)
_STATE_COLUMNS = tuple(field.attname for field in MemberState._meta.concrete_fields)
# The requesting state comes in the request's row, its columns under this prefix.
_STATE = "of_state_"


def _request_row(viewer: LabelViewer, *, public_id: uuid.UUID) -> QuerySet[Any]:
    row: QuerySet[Any] = (
        AssistanceRequest.objects.visible_to(viewer).filter(public_id=public_id).order_by()
        .values(*_REQUEST_COLUMNS, **{_STATE + column: F(f"requesting_state__{column}")
                                      for column in _STATE_COLUMNS}))
    return row


_REQUEST_ROW = PreparedQuery(_request_row, arguments={"public_id": uuid.UUID})


def request_for_page(*, viewer: Viewer, public_id: Any) -> AssistanceRequest:
    """The request as its page reads it, on every visit: `request_get` in one prepared read
    (compiled once per viewer scope, see concord.core.prepared) with the same audit, its
    requesting state with it; the page reads its phases and addressed states with its figures
    (`figures.request_page`)."""
    key = public_id_of(AssistanceRequest, public_id)
    scope = LabelViewer.of(viewer)
    row = _REQUEST_ROW.first(viewer=scope, public_id=key)
    found = None
    if row is not None:
        found = AssistanceRequest.from_db(DEFAULT_DB_ALIAS, _REQUEST_COLUMNS,
                                          [row[column] for column in _REQUEST_COLUMNS])
        found.requesting_state = MemberState.from_db(
            DEFAULT_DB_ALIAS, _STATE_COLUMNS, [row[_STATE + column] for column in _STATE_COLUMNS])
        # Read for the viewer, as a queryset's records are: the decision and instruction it
        # links to are followed under the same scope.
        setattr(found, VIEWER_ATTRIBUTE, scope)
    record: AssistanceRequest = audited_read(AssistanceRequest, found, viewer=viewer,
                                             public_id=key)
    return record


def pledge_list(*, viewer: Viewer, request: AssistanceRequest) -> QuerySet[Pledge]:
    lines = PledgeLine.objects.select_related("line").order_by("line__number", "pk")
    return (visible_pledges(viewer).filter(request=request)
            .select_related("state", "originator")
            .prefetch_related(Prefetch("lines", queryset=lines), "releasable_to")
            .order_by("state__name_ru", "pk"))


def pledge_get(*, viewer: Viewer, public_id: Any) -> Pledge:
    key = public_id_of(Pledge, public_id)
    queryset = Pledge.objects.select_related("request", "state", "request__requesting_state")
    pledge: Pledge = labelled_get(queryset, viewer=viewer, public_id=key)
    return pledge


def _uuid(value: Any) -> uuid.UUID | None:
    # A malformed id names nothing: missing, like a well-formed one no record has.
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def pledge_line_get(*, viewer: Viewer, public_id: Any) -> PledgeLine:
    """A pledge line, found only when its pledge is readable by the viewer."""
    key = _uuid(public_id)
    found = None if key is None else (
        PledgeLine.objects.filter(public_id=key, pledge__in=visible_pledges(viewer))
        .select_related("pledge__state", "pledge__request__requesting_state", "line").first())
    if found is None:
        raise NotFound(str(PledgeLine._meta.verbose_name).capitalize() + " not found.")
    return found


def delivery_list(*, viewer: Viewer, request: AssistanceRequest) -> QuerySet[Delivery]:
    return (Delivery.objects.filter(request=request, pledge__in=visible_pledges(viewer))
            .select_related("pledge__state")
            .prefetch_related("items__pledge_line__line")
            .order_by("shipped_on", "pk"))


def _delivery_ids(viewer: LabelViewer, *, request: int) -> QuerySet[Any]:
    ids: QuerySet[Any] = (Delivery.objects.filter(request=request,
                                                  pledge__in=visible_pledges(viewer).order_by())
                          .order_by("shipped_on", "pk").values("pk"))
    return ids


_DELIVERY_IDS = PreparedQuery(_delivery_ids, arguments={"request": int})


def deliveries_of_pledges(*, viewer: Viewer, request: AssistanceRequest, pledges: list[Pledge]
                          ) -> list[Delivery]:
    """The consignments of `request` the viewer may read, as `delivery_list` gives them, for
    its page, which has read `pledges`, the request's pledges the viewer may read: which
    consignments there are is a prepared read (see concord.core.prepared), and only a request
    that has some reads them with their items; each is given its pledge from `pledges`."""
    found = [row["pk"] for row in _DELIVERY_IDS.rows(viewer=LabelViewer.of(viewer),
                                                       request=request.pk)]
    if not found:
        return []
    of_pledge = {pledge.pk: pledge for pledge in pledges}
    deliveries = list(Delivery.objects.filter(pk__in=found)
                      .prefetch_related("items__pledge_line__line").order_by("shipped_on", "pk"))
    for delivery in deliveries:
        delivery.pledge = of_pledge[delivery.pledge_id]
    return deliveries


def delivery_get(*, viewer: Viewer, public_id: Any) -> Delivery:
    key = _uuid(public_id)
    found = None if key is None else (
        Delivery.objects.filter(public_id=key, pledge__in=visible_pledges(viewer))
        .select_related("pledge__state", "pledge__request__requesting_state").first())
    if found is None:
        raise NotFound(str(Delivery._meta.verbose_name).capitalize() + " not found.")
    return found


def pledge_lines_of_state(*, viewer: Viewer, state: MemberState) -> QuerySet[PledgeLine]:
    """Every pledge line of `state` the viewer may read, with its due day and request."""
    return (PledgeLine.objects.filter(pledge__in=visible_pledges(viewer).filter(state=state))
            .select_related("pledge__request__requesting_state", "line")
            .annotate(due=due_day())
            .order_by("-pledge__request__created_at", "line__number", "pk"))


def overdue_pledge_lines(*, viewer: Viewer, state: MemberState | None = None,
                         on: date | None = None) -> QuerySet[PledgeLine]:
    """Pledge lines past their due day, neither cancelled, declined nor wholly delivered."""
    pledges = visible_pledges(viewer)
    if state is not None:
        pledges = pledges.filter(state=state)
    return (PledgeLine.objects.filter(pledge__in=pledges)
            .annotate(due=due_day()).filter(due__lt=on or clock.today())
            .exclude(stage=PledgeLine.Stage.CANCELLED)
            .exclude(response=PledgeLine.Response.DECLINED)
            .filter(delivered__lt=F("quantity"))
            .select_related("pledge__state", "pledge__request__requesting_state", "line")
            .order_by("due", "pk"))


def requests_open_to(*, viewer: Viewer, party: Party | None) -> QuerySet[AssistanceRequest]:
    """Requests open for offers that are addressed to the viewer's state."""
    return (AssistanceRequest.objects.visible_to(viewer)
            .filter(addressed_q(party), status=AssistanceRequest.Status.OPEN)
            .select_related("requesting_state").distinct().order_by("closes_on", "pk"))


def requests_to_manage(*, viewer: Viewer) -> QuerySet[AssistanceRequest]:
    """What waits for the secretariat: submitted requests to open, open ones whose window has
    passed."""
    today = clock.today()
    return (AssistanceRequest.objects.visible_to(viewer)
            .filter(Q(status=AssistanceRequest.Status.SUBMITTED)
                    | Q(status=AssistanceRequest.Status.OPEN, closes_on__lt=today))
            .select_related("requesting_state").order_by("closes_on", "pk"))


def request_lines(*, request: AssistanceRequest) -> QuerySet[RequestLine]:
    return request.lines.select_related("phase").order_by("number")


# A request's phases and lines are its own parts: whoever was allowed to read the request (read
# through `request_get`) reads them.


def request_phases(*, request: AssistanceRequest) -> list[RequestPhase]:
    return list(RequestPhase.objects.filter(request=request).order_by("number"))


def request_line(*, request: AssistanceRequest, number: int) -> RequestLine:
    line = (RequestLine.objects.filter(request=request, number=number)
            .select_related("phase").first())
    if line is None:
        raise NotFound(_("The request has no line %(number)d.") % {"number": number})
    return line


def request_phase(*, request: AssistanceRequest, number: int) -> RequestPhase:
    phase = RequestPhase.objects.filter(request=request, number=number).first()
    if phase is None:
        raise NotFound(_("The request has no phase %(number)s.") % {"number": number})
    return phase
