"""A request's page read in one pass over its readable pledges: each pledge's lines counted by
where they stand, the commitments in the order they were signed, each line's figures with what
is withheld, and its due day from the phase when the line names none."""

from __future__ import annotations

from datetime import date

import pytest

from concord.assistance.selectors import figures
from concord.assistance.selectors import requests as selectors
from concord.assistance.services import deliveries, pledges
from concord.assistance.tests.factories import certified, delegate, opened, pledge
from concord.core.errors import NotFound

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(org, personas):
    record = opened(org, personas)
    russia = pledge(record, personas.delegate_a, {1: 80, 2: 40, 3: 4})
    lines = {line.line.number: line for line in russia.lines.all()}
    pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=lines[2], quantity=40,
                               agreement_reference="RU-TJ/2", agreement_signed_on=date(2024, 5, 6))
    pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=lines[1], quantity=50,
                               agreement_reference="RU-TJ/1", agreement_signed_on=date(2024, 2, 1))
    certified(record, russia, personas.delegate_b)
    shipped = deliveries.delivery_ship(actor=personas.delegate_a, pledge=russia, reference="C-1",
                                       items=[{"pledge_line": lines[1], "quantity": 30},
                                              {"pledge_line": lines[2], "quantity": 40}])
    deliveries.delivery_receive(actor=personas.delegate_b, delivery=shipped)
    pledges.pledge_line_cancel(actor=personas.delegate_a, pledge_line=lines[3],
                               reason="Нет производственных мощностей")
    belarus = pledge(record, delegate(org, "BY"), {1: 25}, release_to_all_members=False)
    return record, russia, belarus


def test_it_counts_each_pledges_lines_by_where_they_stand(answered, personas):
    record, russia, belarus = answered

    page = figures.request_page(viewer=personas.delegate_b, request=record)

    counts = ("lines_count", "lines_committed", "lines_delivered", "lines_partly_delivered",
              "lines_dropped")
    counted = {p.pk: tuple(vars(p)[name] for name in counts) for p in page.pledges}
    assert counted == {russia.pk: (3, 2, 1, 1, 1), belarus.pk: (1, 0, 0, 0, 0)}
    assert [c[1:] for c in page.commitments] == [(1, "RU-TJ/1", date(2024, 2, 1)),
                                                 (2, "RU-TJ/2", date(2024, 5, 6))]
    first, _second, third = page.lines
    assert (first.pledged, first.committed, first.delivered, first.withheld) == (105, 50, 30, 25)
    # The cancelled line counts what was delivered of it: nothing.
    assert (third.pledged, third.committed) == (0, 0)


def test_it_leaves_the_withheld_pledge_out_of_another_states_page(answered, personas):
    record, russia, _belarus = answered

    page = figures.request_page(viewer=personas.delegate_a, request=record)

    assert [p.pk for p in page.pledges] == [russia.pk]
    assert (page.lines[0].pledged, page.lines[0].withheld) == (80, 0)
    assert page.totals.lines_withheld == 0


def test_it_dates_a_line_by_its_phase_when_it_names_no_day(answered, personas):
    record, _russia, _belarus = answered

    page = figures.request_page(viewer=personas.delegate_b, request=record)

    assert [f.due_on for f in page.lines] == [date(2030, 1, 31), date(2030, 3, 31),
                                              date(2031, 12, 31)]
    assert [phase.number for phase in page.phases] == [1, 2]


def test_it_names_the_states_a_request_is_addressed_to(org, personas):
    record = opened(org, personas, addressed_states=[org.states["AM"], org.states["RU"]])

    page = figures.request_page(viewer=personas.delegate_b, request=record)

    assert sorted(state.iso_alpha2 for state in page.addressed_states) == ["AM", "RU"]


def test_it_finds_no_request_for_the_page_a_viewer_may_not_read(org, personas):
    record = opened(org, personas, release_to_all_members=False)

    with pytest.raises(NotFound):
        selectors.request_for_page(viewer=delegate(org, "AM"), public_id=record.public_id)
    assert selectors.request_for_page(viewer=personas.delegate_b,
                                      public_id=record.public_id).pk == record.pk
