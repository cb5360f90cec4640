"""An administrator who controls the database, but not the files beside the signing key, tries
to rewrite, shorten, extend or wipe the audit log: `concord audit verify` names each attempt.
Each test lifts the database guard as such an administrator would, and knows the chain's
hashing rule (it is public), but not the chain key."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
from datetime import timedelta
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.audit import (
    GENESIS,
    _hashed_fields,
    audit_record,
    audit_verify,
    canonical_json,
    entry_hash,
)
from concord.core.audit_guard import guard_lifted
from concord.core.checkpoint import (
    checkpoint_check,
    checkpoint_dir,
    checkpoint_make,
    load_or_create_key,
    signing_key_path,
)
from concord.core.errors import InvalidState
from concord.core.models import AuditEntry, AuditHead
from concord.core.schedule import enqueue_due
from concord.core.tests.processes import concord
from concord.monitoring import services
from concord.monitoring.tests.factories import ACLED_HEADER, acled_row

pytestmark = pytest.mark.django_db

CHECKPOINT_TASK = "concord.core.tasks.checkpoint_audit_chain"
GUESSED_KEY = b"the administrator does not hold the chain key"


@pytest.fixture
def chain(personas) -> list[AuditEntry]:
    return [audit_record(actor=personas.officer, action="dossier.create", detail={"n": n})
            for n in range(1, 7)]


def _forged_mac(text: str) -> str:
    return hmac.new(GUESSED_KEY, text.encode(), hashlib.sha256).hexdigest()


def _set_head(entries: list[AuditEntry]) -> None:
    """Point the head at the last of these entries, as a careful forger would."""
    last = entries[-1] if entries else None
    AuditHead.objects.filter(pk=1).update(
        seq=last.seq if last else 0, hash=last.hash if last else GENESIS,
        mac=_forged_mac(last.hash if last else GENESIS))


def _rehash_from(seq: int) -> None:
    """Recompute every hash from entry `seq` on, and the head, by the public rule."""
    entries = list(AuditEntry.objects.order_by("seq"))
    prev = GENESIS if seq == 1 else entries[seq - 2].hash
    for entry in entries[seq - 1:]:
        entry.prev_hash = prev
        entry.hash = entry_hash(prev, _hashed_fields(entry))
        AuditEntry.objects.filter(seq=entry.seq).update(prev_hash=entry.prev_hash, hash=entry.hash)
        prev = entry.hash
    _set_head(entries)


def _forge_entry(after: AuditEntry, **fields) -> AuditEntry:
    forged = AuditEntry(seq=after.seq + 1, at=clock.now(), action="dossier.withdraw",
                        outcome=AuditEntry.Outcome.SUCCESS, detail="{}", prev_hash=after.hash,
                        **fields)
    forged.hash = entry_hash(after.hash, _hashed_fields(forged))
    forged.mac = _forged_mac(forged.hash)
    forged.save(force_insert=True)
    return forged


def _checkpoint() -> tuple[dict[str, Any], Path]:
    made = checkpoint_make()
    assert made is not None
    return made


def _verify() -> tuple[int, str]:
    """The operator's command: its exit code and what it printed."""
    out, err = StringIO(), StringIO()
    try:
        call_command("audit", "verify", stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, str(error)
    return 0, out.getvalue()


def _broken(seq: int | None, words: str) -> None:
    report = audit_verify()
    assert not report.ok
    if seq is not None:
        assert report.first_bad_seq == seq, report.problem
    assert words in report.problem
    code, said = _verify()
    assert code != 0
    assert words in said


def test_it_holds_an_untouched_chain_against_its_checkpoint(chain):
    checkpoint_make()
    audit_record(actor=SYSTEM, action="later.entry")
    code, said = _verify()
    assert code == 0, said
    lines = said.splitlines()
    assert lines[0].startswith("audit chain intact: 8 entries, head ")
    assert "holds against the checkpoint of entry 6" in lines[1]
    assert "ago" in lines[1]
    assert "2 entries after it bound by the chain key" in lines[1]


# --- The nine ways ------------------------------------------------------------------------


def test_1_it_names_an_entry_with_a_changed_byte(chain):
    with guard_lifted():
        AuditEntry.objects.filter(seq=3).update(detail='{"n":4}')
    _broken(3, "entry 3 was altered")


def test_2_it_names_a_deleted_middle_entry(chain):
    with guard_lifted():
        AuditEntry.objects.filter(seq=3).delete()
    _broken(3, "entry 3 is missing")


def test_3_it_detects_reordered_entries(chain):
    with guard_lifted():
        AuditEntry.objects.filter(seq=2).update(seq=1000)
        AuditEntry.objects.filter(seq=3).update(seq=2)
        AuditEntry.objects.filter(seq=1000).update(seq=3)
    _broken(2, "entry 2")


def test_4_it_detects_a_truncated_tail(chain):
    with guard_lifted():
        AuditEntry.objects.filter(seq__gte=5).delete()
    _broken(5, "truncated")


def test_5_it_detects_an_entry_slipped_in_behind_the_head(chain):
    with guard_lifted():
        _forge_entry(chain[-1])
    _broken(7, "entry 7")


def test_6_it_detects_a_truncated_tail_with_the_head_moved_back(chain):
    with guard_lifted():
        AuditEntry.objects.filter(seq__gte=5).delete()
        _set_head(chain[:4])
    _broken(None, "the chain head at 4 is not bound by the chain key")


def test_6_it_detects_a_head_moved_back_with_its_old_mac_kept(chain):
    with guard_lifted():
        AuditEntry.objects.filter(seq__gte=5).delete()
        AuditHead.objects.filter(pk=1).update(seq=4, hash=chain[3].hash)
    _broken(None, "not bound by the chain key")


def test_7_it_detects_an_entry_altered_and_the_chain_recomputed(chain):
    with guard_lifted():
        AuditEntry.objects.filter(seq=3).update(detail='{"n":"rewritten"}')
        _rehash_from(3)
    assert audit_verify().first_bad_seq == 3
    _broken(3, "entry 3 is not bound by the chain key")


def test_7_it_detects_a_recomputed_chain_whose_macs_were_copied_along(chain):
    # The MAC covers the hash, so keeping the old MACs beside new hashes fails as well.
    with guard_lifted():
        AuditEntry.objects.filter(seq=6).update(outcome=AuditEntry.Outcome.DENIED)
        _rehash_from(6)
    _broken(6, "entry 6 is not bound by the chain key")


def test_8_it_detects_a_forged_entry_appended_with_the_head_moved(chain):
    with guard_lifted():
        forged = _forge_entry(chain[-1])
        _set_head([forged])
    _broken(7, "entry 7 is not bound by the chain key")


def test_9_it_detects_a_wiped_log_with_its_head_reset(chain):
    with guard_lifted():
        AuditEntry.objects.all().delete()
        _set_head([])
    _broken(None, "the log was wiped")


def test_9_it_detects_a_wiped_log_against_the_checkpoint_on_file(chain, settings):
    checkpoint_make()
    with guard_lifted():
        AuditEntry.objects.all().delete()
        _set_head([])
    # Even with the chain key gone as well, the file outside the database contradicts it.
    settings.CONCORD_AUDIT_CHAIN_KEY_FILE = settings.CONCORD_AUDIT_CHAIN_KEY_FILE.with_name("gone")
    assert audit_verify().ok
    code, said = _verify()
    assert code == 3
    assert "vouches for 6 entries (truncated)" in said


# --- After the last checkpoint --------------------------------------------------------------


def test_10_it_detects_a_tail_cut_after_the_last_checkpoint_with_the_head_fixed(chain):
    checkpoint_make()  # entry 7 records it
    for n in range(3):
        audit_record(actor=SYSTEM, action="after.checkpoint", detail={"n": n})
    with guard_lifted():
        AuditEntry.objects.filter(seq__gte=9).delete()
        _set_head(list(AuditEntry.objects.order_by("seq")))
    assert checkpoint_check(chain_entries=8).ok  # the checkpoint itself still holds...
    _broken(None, "the chain head at 8 is not bound by the chain key")  # ...the key does not


def test_it_refuses_a_checkpoint_file_not_signed_by_the_deployment(chain):
    _, path = _checkpoint()
    document = json.loads(path.read_text())
    document["statement"]["entries"] = 7
    path.write_text(json.dumps(document))
    code, said = _verify()
    assert code == 3
    assert "is not signed by this deployment's key" in said


def test_it_refuses_a_chain_that_a_checkpoint_on_file_contradicts(chain):
    # The database was replaced by another whose chain is as long: the checkpoint on file,
    # rightly signed, vouches for another entry 6.
    _, path = _checkpoint()
    statement = {**json.loads(path.read_text())["statement"], "head_hash": chain[4].hash}
    key = load_or_create_key(signing_key_path())
    signature = base64.b64encode(key.sign(canonical_json(statement).encode())).decode()
    path.write_text(json.dumps({"statement": statement, "signature": signature}))
    code, said = _verify()
    assert code == 3
    assert "entry 6 no longer has the hash the checkpoint in" in said


# --- The head's own guard -------------------------------------------------------------------


def test_it_refuses_to_move_the_head_back_or_off_the_chain(chain):
    for change in ({"seq": 4, "hash": chain[3].hash}, {"seq": 7, "hash": "f" * 64},
                   {"seq": 6, "hash": chain[5].hash, "mac": "0" * 64}):
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditHead.objects.filter(pk=1).update(**change)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditHead.objects.filter(pk=1).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditHead.objects.create(pk=2, seq=0, hash=GENESIS)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_audithead")
    assert AuditHead.objects.get(pk=1).seq == 6
    assert audit_verify().ok


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="SQLite has no TRUNCATE")
def test_it_refuses_to_truncate_the_head_on_postgresql(chain):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE core_audithead")


# --- The keys -------------------------------------------------------------------------------


def test_it_makes_the_chain_key_on_first_use_readable_by_its_owner_only(personas, settings):
    key_file = settings.CONCORD_AUDIT_CHAIN_KEY_FILE
    assert not key_file.exists()
    audit_record(actor=personas.officer, action="session.open")
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert len(bytes.fromhex(key_file.read_text().strip())) == 32
    assert not any(p.name.startswith(".") for p in key_file.parent.iterdir())


def test_it_names_the_setting_when_the_chain_key_is_missing(chain, settings):
    settings.CONCORD_AUDIT_CHAIN_KEY_FILE.unlink()
    _broken(1, "CONCORD_AUDIT_CHAIN_KEY_FILE")


def test_it_verifies_an_empty_chain_of_a_new_deployment():
    assert audit_verify().ok
    code, said = _verify()
    assert code == 0
    assert "no checkpoint yet" in said


# --- Checkpoints by the schedule and after imports -------------------------------------------


def test_it_keeps_each_checkpoint_in_the_chain_and_in_the_directory(chain, settings):
    document, path = _checkpoint()
    assert path.parent == settings.CONCORD_AUDIT_CHECKPOINT_DIR
    assert json.loads(path.read_text())["statement"] == document["statement"]
    recorded = AuditEntry.objects.get(seq=7)
    assert recorded.action == "audit.checkpoint"
    assert json.loads(recorded.detail)["statement"] == document["statement"]
    # Nothing happened since: the next run signs nothing new.
    assert checkpoint_make() is None
    assert len(list(checkpoint_dir().iterdir())) == 1


def test_it_refuses_to_checkpoint_a_broken_chain(chain):
    with guard_lifted():
        AuditEntry.objects.filter(seq=2).update(detail="{}")
    with pytest.raises(InvalidState, match="entry 2 was altered"):
        checkpoint_make()
    assert not checkpoint_dir().exists()


def test_it_checkpoints_every_hour_by_the_schedule(chain, settings):
    assert settings.CONCORD_PERIODIC_TASKS[CHECKPOINT_TASK] == 3600
    settings.CONCORD_PERIODIC_TASKS = {CHECKPOINT_TASK: 3600}
    now = clock.now()
    assert enqueue_due(now=now) == [CHECKPOINT_TASK]
    assert enqueue_due(now=now + timedelta(minutes=59)) == []
    assert [p.name[:23] for p in checkpoint_dir().iterdir()] == ["checkpoint-000000000006"]
    audit_record(actor=SYSTEM, action="later.entry")
    assert enqueue_due(now=now + timedelta(minutes=61)) == [CHECKPOINT_TASK]
    assert len(list(checkpoint_dir().iterdir())) == 2


def test_it_checkpoints_after_an_incident_import(personas, django_capture_on_commit_callbacks):
    data = "\n".join([ACLED_HEADER, acled_row("TJK1")]).encode()
    with django_capture_on_commit_callbacks(execute=True):
        services.incident_import(actor=SYSTEM, stream=io.BytesIO(data), fmt="acled",
                                 originator=personas.secretariat)
    (path,) = checkpoint_dir().iterdir()
    statement = json.loads(path.read_text())["statement"]
    imported = AuditEntry.objects.get(action="monitoring.incident.import")
    assert statement["entries"] == imported.seq
    assert _verify()[0] == 0


@pytest.mark.django_db(transaction=True)
def test_it_exits_non_zero_from_the_console_command_for_a_forged_head(personas):
    for n in range(3):
        audit_record(actor=personas.officer, action="dossier.create", detail={"n": n})
    assert concord("audit", "checkpoint", "-o", "/dev/null").returncode == 0
    intact = concord("audit", "verify")
    assert intact.returncode == 0, intact.stderr
    assert "holds against the checkpoint of entry 3" in intact.stdout
    with guard_lifted():
        AuditEntry.objects.filter(seq__gte=3).delete()
        _set_head(list(AuditEntry.objects.order_by("seq")))
    cut = concord("audit", "verify")
    assert cut.returncode == 1
    assert "not bound by the chain key" in cut.stderr
