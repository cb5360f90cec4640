"""The release mask the SQL rule reads stays equal to the release list people edit."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from concord.core.actors import Viewer
from concord.core.labels import Classification, PartyKind
from concord.core.models import MAX_RELEASE_BIT, Party
from concord.core.release import refresh_masks
from tests.labelprobe.models import Dossier


def _visible_titles(user: Viewer) -> set[str]:
    return set(Dossier.objects.visible_to(user).values_list("title", flat=True))


@pytest.fixture
def dossier(personas):
    return Dossier.objects.create(title="plan", classification=Classification.OFFICIAL_USE,
                                  originator=personas.secretariat)


def test_it_shows_a_record_to_a_party_once_it_is_added_and_hides_it_once_removed(personas,
                                                                                  dossier):
    p = personas
    assert "plan" not in _visible_titles(p.delegate_a)

    dossier.releasable_to.add(p.state_a)
    assert "plan" in _visible_titles(p.delegate_a)
    assert "plan" not in _visible_titles(p.delegate_b)

    dossier.releasable_to.set([p.state_b])
    assert "plan" not in _visible_titles(p.delegate_a)
    assert "plan" in _visible_titles(p.delegate_b)

    dossier.releasable_to.remove(p.state_b)
    assert "plan" not in _visible_titles(p.delegate_b)


def test_it_hides_a_record_from_everyone_it_was_released_to_when_the_list_is_cleared(personas,
                                                                                      dossier):
    p = personas
    dossier.releasable_to.set([p.state_a, p.state_b])
    dossier.releasable_to.clear()

    assert "plan" not in _visible_titles(p.delegate_a)
    assert "plan" not in _visible_titles(p.delegate_b)
    assert dossier.release_mask == 0


def test_it_keeps_the_mask_of_the_record_in_memory_current(personas, dossier):
    dossier.releasable_to.set([personas.state_a, personas.state_b])

    expected = personas.state_a.release_flag | personas.state_b.release_flag
    assert dossier.release_mask == expected
    dossier.refresh_from_db()
    assert dossier.release_mask == expected


def test_it_repairs_masks_from_release_lists_written_behind_the_manager(personas, dossier):
    # A bulk insert of release rows bypasses the signal, as an import or a repair script would.
    through = Dossier.releasable_to.through
    through.objects.bulk_create([through(dossier_id=dossier.pk, party_id=personas.state_a.pk)])
    assert "plan" not in _visible_titles(personas.delegate_a)

    refresh_masks(Dossier, [dossier.pk])

    assert "plan" in _visible_titles(personas.delegate_a)


def test_it_gives_each_party_its_own_bit(personas):
    bits = list(Party.objects.values_list("release_bit", flat=True))
    assert len(bits) == len(set(bits)) == 3


def test_it_refuses_a_party_beyond_the_last_bit(db):
    for number in range(MAX_RELEASE_BIT + 1):
        Party.objects.create(code=f"P{number}", kind=PartyKind.STATE, name_ru="—", name_en="—")

    with translation.override("en"), pytest.raises(ValidationError, match="at most 63 parties"):
        Party.objects.create(code="ONE-TOO-MANY", kind=PartyKind.STATE, name_ru="—",
                             name_en="—")
    assert not Party.objects.filter(code="ONE-TOO-MANY").exists()
