"""A request's story in dated steps, from the state's letter to the last acceptance, as far as
the viewer may read it: a withheld pledge's steps are absent for those it is withheld from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from concord.assistance.models import AssistanceRequest, Delivery, Pledge, RequestPhase


@dataclass(frozen=True)
class Step:
    day: date
    text: str
    # past, due (a deadline ahead) or late (a deadline passed with something still owed)
    kind: str


def request_timeline(*, request: AssistanceRequest, phases: list[RequestPhase],
                     pledges: list[Pledge],
                     commitments: list[tuple[int, int, str, date | None]],
                     deliveries: list[Delivery], today: date, unmet: bool) -> list[Step]:
    steps: list[Step] = []

    def deadline(day: date | None, text: str) -> None:
        if day is not None:
            kind = "past" if not unmet else ("late" if day < today else "due")
            steps.append(Step(day, text, kind))

    if request.letter_dated:
        steps.append(Step(request.letter_dated, _("Letter of %(state)s")
                          % {"state": request.requesting_state.name}, "past"))
    if request.opens_on:
        steps.append(Step(request.opens_on, _("Offers open"), "past"))
    if request.finished_at is not None:
        steps.append(Step(request.finished_at.date(), request.get_status_display(), "past"))
    deadline(request.closes_on, _("Offer window closes"))
    for phase in phases:
        deadline(phase.due_on, _("Deadline of phase %(number)d: %(title)s")
                 % {"number": phase.number, "title": phase.title})
    steps.extend(Step(pledge.pledged_on, _("Pledge of %(state)s") % {"state": pledge.state.name},
                      "past") for pledge in pledges)
    names = {pledge.state_id: pledge.state.name for pledge in pledges}
    steps.extend(Step(day, _("%(state)s committed line %(number)d (%(agreement)s)")
                      % {"state": names[state], "number": number, "agreement": agreement},
                      "past")
                 for state, number, agreement, day in commitments if day is not None)
    steps.extend(step for delivery in deliveries for step in _delivery_steps(delivery))
    return sorted(steps, key=lambda step: step.day)


def _delivery_steps(delivery: Delivery) -> list[Step]:
    reference = delivery.reference
    steps = [Step(delivery.shipped_on, _("Consignment %(reference)s of %(state)s shipped")
                  % {"reference": reference, "state": delivery.pledge.state.name}, "past")]
    if delivery.delivered_on:
        steps.append(Step(delivery.delivered_on, _("Consignment %(reference)s delivered")
                          % {"reference": reference}, "past"))
    if delivery.accepted_on:
        steps.append(Step(delivery.accepted_on, _("Consignment %(reference)s accepted")
                          % {"reference": reference}, "past"))
    return steps
