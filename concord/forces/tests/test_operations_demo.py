"""The demo's joint operations: the three operations of the seed, loaded once."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from concord.demo.council import load_council
from concord.demo.forces_operations import load_operations
from concord.demo.organization import load
from concord.forces.models import Operation, OperationResult
from concord.forces.selectors import operations as selectors

pytestmark = pytest.mark.django_db


def test_it_loads_channel_nelegal_and_proxy_once():
    load(password="demo password 0123456789")
    load_council()
    created = load_operations()
    assert created["joint operations"] == 3
    assert load_operations() == {}
    operations = Operation.objects.visible_to(AnonymousUser())
    assert sorted(operations.values_list("name_en", flat=True)) == ["Channel", "Nelegal",
                                                                    "PROXY"]
    channel = operations.get(code="channel")
    # The action plan on Afghanistan, which tasks the states within Channel; not public, so
    # an anonymous reader follows it to nothing.
    assert channel.decision_id is not None and channel.decision is None
    # Every figure says it is illustrative; the published ones are readable by anyone.
    public = OperationResult.objects.visible_to(AnonymousUser())
    assert public.exists()
    assert set(public.values_list("note", flat=True)) == {"Иллюстративные данные демонстрации"}
    publication = selectors.publication_list(viewer=AnonymousUser()).get()
    assert publication.figures
