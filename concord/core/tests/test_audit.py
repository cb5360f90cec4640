"""The audit log is append-only in the database itself, hash-chained so that any tampering is
named by entry, and it commits or rolls back with the change it records."""

from __future__ import annotations

import base64
import json
import threading
from datetime import timedelta
from io import StringIO

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction

from concord.core import audit
from concord.core.actors import SYSTEM
from concord.core.audit import audit_record, audit_verify
from concord.core.audit_guard import guard_lifted
from concord.core.labels import Classification
from concord.core.models import AuditEntry, AuditHead
from concord.core.tests.processes import concord
from tests.labelprobe.models import Dossier

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(personas) -> list[AuditEntry]:
    return [
        audit_record(actor=personas.officer, action="dossier.create",
                     detail={"n": n, "title": "Совещание"})
        for n in range(1, 6)
    ]


def _head() -> AuditHead:
    return AuditHead.objects.get(pk=1)


def test_it_verifies_an_intact_chain(chain):
    report = audit_verify()
    assert report.ok, report.problem
    assert (report.entries, report.head_seq) == (5, 5)
    assert report.head_hash == chain[-1].hash == _head().hash
    assert [e.prev_hash for e in chain[1:]] == [e.hash for e in chain[:-1]]


def test_it_records_actor_party_and_label(personas):
    record = Dossier.objects.create(title="Заявка", originator=personas.state_a,
                                    classification=Classification.CONFIDENTIAL)
    record.releasable_to.set([personas.secretariat])
    entry = audit_record(actor=personas.delegate_a, action="dossier.create", target=record)
    assert (entry.actor_name, entry.party_code) == ("delegate_a", "RU")
    assert (entry.classification, entry.label_originator, entry.label_releasable) == (
        Classification.CONFIDENTIAL, "RU", "SEC")
    assert entry.at.utcoffset() == timedelta(0)


def test_it_refuses_orm_update_and_delete_in_the_database(chain):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(seq=2).update(detail="{}")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(seq=5).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        chain[0].detail = "{}"
        chain[0].save(update_fields=["detail"])
    assert audit_verify().ok


def test_it_refuses_raw_sql_update_and_delete(chain):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditentry SET outcome = 'denied' WHERE seq = 3")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry")
    assert AuditEntry.objects.count() == 5
    assert audit_verify().ok


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="SQLite has no TRUNCATE")
def test_it_refuses_truncate_on_postgresql(chain):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE core_auditentry")
    assert AuditEntry.objects.count() == 5


def test_it_names_an_entry_with_a_changed_byte(chain):
    altered = chain[2].detail.replace('"n":3', '"n":4')
    with guard_lifted():
        AuditEntry.objects.filter(seq=3).update(detail=altered)
    report = audit_verify()
    assert not report.ok
    assert report.first_bad_seq == 3
    assert "entry 3" in report.problem


def test_it_names_a_deleted_middle_entry(chain):
    with guard_lifted():
        AuditEntry.objects.filter(seq=3).delete()
    report = audit_verify()
    assert not report.ok
    assert report.first_bad_seq == 3
    assert "entry 3 is missing" in report.problem


def test_it_detects_reordered_entries(chain):
    # Primary keys must stay unique at every step, so one row waits under a free number.
    with guard_lifted():
        AuditEntry.objects.filter(seq=2).update(seq=1000)
        AuditEntry.objects.filter(seq=3).update(seq=2)
        AuditEntry.objects.filter(seq=1000).update(seq=3)
    report = audit_verify()
    assert not report.ok
    assert report.first_bad_seq == 2


def test_it_names_the_first_entry_of_a_truncated_tail(chain):
    with guard_lifted():
        AuditEntry.objects.filter(seq__gte=4).delete()
    report = audit_verify()
    assert not report.ok
    assert report.first_bad_seq == 4
    assert "entry 4 is missing" in report.problem
    assert "truncated" in report.problem


def test_it_detects_an_entry_appended_behind_the_head(chain):
    with guard_lifted():
        AuditHead.objects.filter(pk=1).update(seq=4, hash=chain[3].hash)
    report = audit_verify()
    assert not report.ok
    assert report.first_bad_seq == 5


def _failing_service(*, actor, title: str) -> None:
    with transaction.atomic():
        record = Dossier.objects.create(title=title, originator=actor.party)
        audit_record(actor=actor, action="dossier.create", target=record)
        raise RuntimeError("the mail server is down")


def test_it_keeps_neither_the_write_nor_its_entry_when_the_service_fails(personas):
    audit_record(actor=personas.officer, action="session.open")
    with pytest.raises(RuntimeError):
        _failing_service(actor=personas.officer, title="never stored")
    assert not Dossier.objects.unscoped(reason="test").filter(title="never stored").exists()
    assert AuditEntry.objects.count() == 1
    assert _head().seq == 1
    assert audit_verify().ok


def _call(*args: str) -> str:
    out = StringIO()
    call_command("audit", *args, stdout=out)
    return out.getvalue()


def test_it_reports_an_intact_chain_from_the_command(chain):
    said = _call("verify").splitlines()
    assert said[0] == f"audit chain intact: 5 entries, head {chain[-1].hash}"
    assert said[1].startswith("no checkpoint yet")


def test_it_fails_the_command_naming_the_first_bad_entry(chain):
    with guard_lifted():
        AuditEntry.objects.filter(seq=2).update(action="dossier.withdraw")
    with pytest.raises(CommandError, match="entry 2 was altered") as failure:
        _call("verify")
    assert failure.value.returncode == 1


@pytest.fixture
def key_file(settings, tmp_path):
    settings.CONCORD_AUDIT_KEY_FILE = tmp_path / "audit-key.pem"
    return settings.CONCORD_AUDIT_KEY_FILE


def _canonical(statement) -> bytes:
    # Written out here as a witness would, without Concord's code.
    return json.dumps(statement, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def test_it_signs_a_checkpoint_that_verifies_with_the_public_key_alone(chain, key_file, tmp_path):
    _call("checkpoint", "-o", str(tmp_path / "checkpoint.json"))
    document = json.loads((tmp_path / "checkpoint.json").read_text())
    public_key = load_pem_public_key(_call("public-key").encode("ascii"))
    assert isinstance(public_key, Ed25519PublicKey)
    signature = base64.b64decode(document["signature"])
    statement = document["statement"]
    assert (statement["entries"], statement["head_hash"]) == (5, chain[-1].hash)

    public_key.verify(signature, _canonical(statement))

    statement["head_hash"] = statement["head_hash"][:-1] + (
        "0" if statement["head_hash"][-1] != "0" else "1")
    with pytest.raises(InvalidSignature):
        public_key.verify(signature, _canonical(statement))


def test_it_prints_a_checkpoint_to_stdout_and_keeps_one_key(chain, key_file):
    first = json.loads(_call("checkpoint"))
    second = json.loads(_call("checkpoint"))
    assert first["public_key"] == second["public_key"] == _call("public-key")
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_it_checks_a_checkpoint_against_key_and_chain(chain, key_file, tmp_path):
    checkpoint = tmp_path / "checkpoint.json"
    public_key = tmp_path / "witness.pem"
    _call("checkpoint", "-o", str(checkpoint))
    public_key.write_text(_call("public-key"))
    assert "checkpoint valid: entry 5" in _call(
        "verify-checkpoint", str(checkpoint), "--public-key", str(public_key))

    audit_record(actor=SYSTEM, action="later.entry")
    assert "checkpoint valid" in _call(
        "verify-checkpoint", str(checkpoint), "--public-key", str(public_key))

    document = json.loads(checkpoint.read_text())
    document["statement"]["entries"] = 4
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(document))
    with pytest.raises(CommandError, match="signature") as bad_signature:
        _call("verify-checkpoint", str(forged), "--public-key", str(public_key))
    assert bad_signature.value.returncode == 1

    with guard_lifted():
        AuditEntry.objects.filter(seq=5).update(detail='{"rewritten":true}')
    with pytest.raises(CommandError, match="entry 5") as contradicted:
        _call("verify-checkpoint", str(checkpoint), "--public-key", str(public_key))
    assert contradicted.value.returncode == 3


def test_it_refuses_a_checkpoint_signed_by_another_key(chain, key_file, tmp_path, settings):
    checkpoint = tmp_path / "checkpoint.json"
    _call("checkpoint", "-o", str(checkpoint))
    settings.CONCORD_AUDIT_KEY_FILE = tmp_path / "other-key.pem"
    other = tmp_path / "other.pem"
    other.write_text(_call("public-key"))
    with pytest.raises(CommandError, match="signature") as failure:
        _call("verify-checkpoint", str(checkpoint), "--public-key", str(other))
    assert failure.value.returncode == 1


def test_it_refuses_to_sign_a_broken_chain(chain, key_file):
    with guard_lifted():
        AuditEntry.objects.filter(seq=1).delete()
    with pytest.raises(CommandError, match="entry 1 is missing"):
        _call("checkpoint")


@pytest.mark.django_db(transaction=True)
def test_it_exits_with_the_documented_codes(personas):
    for n in range(3):
        audit_record(actor=personas.officer, action="dossier.create", detail={"n": n})
    intact = concord("audit", "verify")
    assert intact.returncode == 0, intact.stderr
    assert intact.stdout.startswith("audit chain intact: 3 entries, head ")

    with guard_lifted():
        AuditEntry.objects.filter(seq=2).update(detail="{}")
    broken = concord("audit", "verify")
    assert broken.returncode == 1
    assert "entry 2 was altered" in broken.stderr


@pytest.mark.django_db(transaction=True)
def test_it_keeps_the_guard_after_a_transactional_test_wipes_the_database(personas):
    # Runs after the test above, whose data was flushed with the guard lifted for the flush only.
    audit_record(actor=personas.officer, action="session.open")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry")
    assert AuditEntry.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_it_verifies_a_chain_that_grows_while_it_is_walked(personas, monkeypatch):
    """A checkpoint or `concord audit verify` on a live node: an entry committed by another
    connection in the middle of the walk is neither a cut nor a forgery."""
    for n in range(3):
        audit_record(actor=personas.officer, action="dossier.create", detail={"n": n})
    walk = audit._walk

    def append_elsewhere() -> None:
        audit_record(actor=personas.officer, action="dossier.create", detail={"n": "late"})
        connections.close_all()

    def walk_with_a_writer(entries, key):
        entries = iter(entries)
        first = next(entries)  # the walk has begun reading
        writer = threading.Thread(target=append_elsewhere)
        writer.start()
        writer.join()
        return walk([first, *entries], key)

    monkeypatch.setattr(audit, "_walk", walk_with_a_writer)
    report = audit_verify()
    monkeypatch.setattr(audit, "_walk", walk)

    assert report.ok, report.problem
    assert AuditEntry.objects.count() == report.entries + 1
    assert audit_verify().ok
