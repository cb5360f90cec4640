"""`concord operation_results`: export as one user, import as a delegate, problems named."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from concord.forces.models import OperationResult
from concord.forces.tests.operations_factories import two_states, world

pytestmark = pytest.mark.django_db


def test_it_exports_and_imports_again_adding_nothing(personas, tmp_path, capsys):
    w = world(personas)
    two_states(personas, w)
    path = tmp_path / "ru.csv"
    call_command("operation_results", "export", str(path), "--user", "delegate_a")
    assert "heroin" in path.read_text(encoding="utf-8-sig")
    call_command("operation_results", "import", str(path), "--user", "delegate_a")
    assert "Added 0; corrected 0; already recorded, left as they were: 3." in capsys.readouterr().out
    assert OperationResult.objects.visible_to(personas.officer).count() == 4


def test_it_names_each_problem_and_fails(personas, tmp_path, capsys):
    world(personas)
    path = tmp_path / "bad.csv"
    path.write_text("operation,stage,state,measure,quantity,unit\nchannel,1,TJ,detained,3,count\n",
                    encoding="utf-8")
    with translation.override("ru"), pytest.raises(CommandError):
        call_command("operation_results", "import", str(path), "--user", "delegate_a")
    assert "строка 2, state" in capsys.readouterr().err
