"""The release-mask migration carries its own code: run against today's models it still fills
the masks of records whose release lists were written before the mask existed."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from concord.council.models import Document
from concord.council.tests.factories import draft

pytestmark = pytest.mark.django_db

migration = importlib.import_module("concord.council.migrations.0002_release_mask")


def test_it_fills_the_mask_of_a_document_released_before_masks_existed(org, personas):
    released = draft(org, personas.officer)
    released.releasable_to.set([personas.state_a, personas.state_b])
    unreleased = draft(org, personas.officer, title_en="On forces", title_ru="О силах")
    unreleased.releasable_to.clear()
    Document._base_manager.filter(pk=released.pk).update(release_mask=0)

    migration.backfill(apps, None)

    masks = dict(Document._base_manager.values_list("pk", "release_mask"))
    expected = personas.state_a.release_flag | personas.state_b.release_flag
    assert masks == {released.pk: expected, unreleased.pk: 0}
