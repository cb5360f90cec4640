"""Personas shared by every test: a secretariat officer, delegates of two states, an analyst, and
the anonymous public."""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connections
from django.test import TransactionTestCase

from concord.accounts.models import Role, User
from concord.accounts.roles import roles_sync
from concord.core.audit_guard import guard_lifted
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.monitoring import tally

# Django's private test hooks, which the type stubs do not declare.
_case: Any = TransactionTestCase
_original_teardown = _case._fixture_teardown


def _teardown_with_guard_lifted(self: Any) -> Any:
    # Wiping the database between transactional tests is the one DELETE the audit table allows,
    # and the one the incident tallies need not follow. The flush covers every database at once,
    # so every guard and trigger is lifted around one teardown.
    with ExitStack() as lifted:
        for alias in self._databases_names(include_mirrors=False):
            lifted.enter_context(guard_lifted(connections[alias]))
            lifted.enter_context(tally.triggers_lifted(connections[alias]))
        return _original_teardown(self)


_case._fixture_teardown = _teardown_with_guard_lifted


@pytest.fixture(autouse=True)
def _audit_files_per_test(settings: Any, tmp_path_factory: pytest.TempPathFactory,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    # The audit keys and checkpoint files live outside the database, so a test's rollback does
    # not take them back: each test gets its own, and so do the processes it starts.
    directory = tmp_path_factory.mktemp("audit")
    for name, path in (("CONCORD_AUDIT_KEY_FILE", directory / "checkpoint-ed25519.pem"),
                       ("CONCORD_AUDIT_CHAIN_KEY_FILE", directory / "audit-chain.key"),
                       ("CONCORD_AUDIT_CHECKPOINT_DIR", directory / "checkpoints")):
        setattr(settings, name, path)
        monkeypatch.setenv(name, str(path))


@dataclass
class Personas:
    secretariat: Party
    state_a: Party
    state_b: Party
    officer: User
    delegate_a: User
    delegate_b: User
    analyst: User
    anonymous: AnonymousUser

    def all(self) -> dict[str, Any]:
        return {"officer": self.officer, "delegate_a": self.delegate_a,
                "delegate_b": self.delegate_b, "analyst": self.analyst,
                "anonymous": self.anonymous}


def make_user(username: str, party: Party, clearance: int, *roles: Role) -> User:
    user = User.objects.create_user(username=username, password="correct horse battery staple",
                                    party=party, clearance=clearance)
    if roles:
        user.groups.set(Group.objects.filter(name__in=[r.value for r in roles]))
    return user


@pytest.fixture
def personas(db: None) -> Personas:
    roles_sync()
    secretariat = Party.objects.create(code="SEC", kind=PartyKind.SECRETARIAT,
                                       name_ru="Секретариат", name_en="Secretariat")
    state_a = Party.objects.create(code="RU", kind=PartyKind.STATE, name_ru="Россия",
                                   name_en="Russia")
    state_b = Party.objects.create(code="TJ", kind=PartyKind.STATE, name_ru="Таджикистан",
                                   name_en="Tajikistan")
    return Personas(
        secretariat=secretariat, state_a=state_a, state_b=state_b,
        officer=make_user("officer", secretariat, Classification.SECRET,
                          Role.SECRETARIAT_OFFICER),
        delegate_a=make_user("delegate_a", state_a, Classification.CONFIDENTIAL, Role.DELEGATE),
        delegate_b=make_user("delegate_b", state_b, Classification.OFFICIAL_USE, Role.DELEGATE),
        analyst=make_user("analyst", secretariat, Classification.CONFIDENTIAL,
                          Role.CRISIS_ANALYST),
        anonymous=AnonymousUser(),
    )
