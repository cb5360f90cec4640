"""The release-mask migration carries its own code: run against today's models it still fills
the masks of records whose release lists were written before the mask existed."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from concord.monitoring.models import Incident
from concord.monitoring.tests.factories import incident

pytestmark = pytest.mark.django_db

migration = importlib.import_module("concord.monitoring.migrations.0002_release_mask")


def test_it_fills_the_mask_of_an_incident_released_before_masks_existed(personas):
    released = incident(personas.secretariat, release_to_all_members=False,
                        releasable_to=[personas.state_b])
    unreleased = incident(personas.secretariat, release_to_all_members=False)
    Incident._base_manager.filter(pk=released.pk).update(release_mask=0)

    migration.backfill(apps, None)

    masks = dict(Incident._base_manager.values_list("pk", "release_mask"))
    assert masks == {released.pk: personas.state_b.release_flag, unreleased.pk: 0}
