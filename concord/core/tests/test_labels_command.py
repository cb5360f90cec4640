"""`concord labels check` finds a mask that differs from its release list; `repair` fixes it."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from concord.core.labels import Classification
from concord.core.models import AuditEntry
from tests.labelprobe.models import Dossier


def _dossier(personas):
    record = Dossier.objects.create(title="plan", classification=Classification.OFFICIAL_USE,
                                    originator=personas.secretariat)
    record.releasable_to.set([personas.state_a])
    return record


def test_it_passes_when_every_mask_matches(personas, capsys):
    _dossier(personas)

    call_command("labels", "check")

    assert "match their lists" in capsys.readouterr().out


def test_it_names_a_stale_mask_and_repairs_it(personas, capsys):
    record = _dossier(personas)
    # Written behind the kernel's back: the mask now also releases to Tajikistan.
    Dossier._base_manager.filter(pk=record.pk).update(
        release_mask=personas.state_a.release_flag | personas.state_b.release_flag)
    assert Dossier.objects.visible_to(personas.delegate_b).filter(pk=record.pk).exists()

    with pytest.raises(CommandError) as failure:
        call_command("labels", "check")
    out = capsys.readouterr().out
    call_command("labels", "repair")

    assert failure.value.returncode == 1
    assert f"labelprobe.Dossier: 1 ({record.pk})" in out
    assert not Dossier.objects.visible_to(personas.delegate_b).filter(pk=record.pk).exists()
    assert Dossier.objects.visible_to(personas.delegate_a).filter(pk=record.pk).exists()
    assert AuditEntry.objects.filter(action="core.labels.repair").count() == 1
    call_command("labels", "check")
