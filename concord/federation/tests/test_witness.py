"""Mutual witnessing: this node cosigns a peer's checkpoint only when it follows from the one the
peer showed before, keeps the evidence of a fork or a rollback, and holds its own chain against
the cosignatures its witnesses gave."""

from __future__ import annotations

import base64
import hashlib
from io import StringIO

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.audit import audit_record, chain_key, head_mac
from concord.core.audit_guard import guard_lifted
from concord.core.checkpoint import checkpoint_dir
from concord.core.models import AuditEntry, AuditHead
from concord.federation import witness_note
from concord.federation.local import node_key, node_name
from concord.federation.models import Cosignature, ForkEvidence, Node, NodeKey, PeerCheckpoint
from concord.federation.services.witness import cosignature_accept, note_latest

pytestmark = pytest.mark.django_db

URL = "/api/v1/federation/witness/cosign"


def _b64(key: Ed25519PrivateKey) -> str:
    return base64.b64encode(witness_note.raw_public_key(key)).decode("ascii")


def _peer(name: str, party, key: Ed25519PrivateKey, *, status=NodeKey.Status.ACTIVE) -> Node:
    node = Node.objects.create(name=name, party=party, endpoint=f"https://{name}.example")
    NodeKey.objects.create(node=node, public_key=_b64(key), key_id=NodeKey.id_of(_b64(key)),
                           status=status, valid_from=clock.now(),
                           ended_at=clock.now() if status != NodeKey.Status.ACTIVE else None)
    return node


def _head(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _note(key: Ed25519PrivateKey, size: int, head: str, *, node: str = "tj",
          previous: tuple[int, str] | None = None) -> str:
    note = witness_note.checkpoint_note(node=node, size=size, root_hex=head, previous=previous)
    return witness_note.sign(note, key=key).text()


@pytest.fixture
def tj_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def tj(personas, tj_key) -> Node:
    return _peer("tj", personas.state_b, tj_key)


def _post(client, text: str):
    return client.post(URL, data=text.encode("utf-8"), content_type="text/plain")


def _refusals() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="federation.witness.refuse").order_by("seq"))


def test_it_cosigns_a_peers_first_checkpoint_and_says_when(client, tj, tj_key):
    answer = _post(client, _note(tj_key, 120, _head("a")))

    assert answer.status_code == 200, answer.content
    cosigned = witness_note.parse(answer.content.decode())
    own = witness_note.raw_public_key(node_key())
    at = witness_note.cosigned_at(cosigned, name=node_name(), public_key=own)
    assert at is not None and abs(at - clock.now().timestamp()) < 60
    assert witness_note.signed_by_origin(cosigned, witness_note.raw_public_key(tj_key))
    kept = PeerCheckpoint.objects.get(node=tj)
    assert (kept.size, kept.root_hash) == (120, _head("a"))
    entry = AuditEntry.objects.get(action="federation.witness.cosign")
    assert entry.outcome == AuditEntry.Outcome.SUCCESS and '"size":120' in entry.detail


def test_it_cosigns_a_grown_checkpoint_that_names_the_one_it_saw(client, tj, tj_key):
    assert _post(client, _note(tj_key, 120, _head("a"))).status_code == 200

    answer = _post(client, _note(tj_key, 150, _head("b"), previous=(120, _head("a"))))

    assert answer.status_code == 200
    assert PeerCheckpoint.objects.get(node=tj).size == 150
    assert AuditEntry.objects.filter(action="federation.witness.cosign").count() == 2


def test_the_witness_catches_a_forked_history(client, tj, tj_key):
    first = _note(tj_key, 120, _head("a"))
    assert _post(client, first).status_code == 200
    other = _note(tj_key, 120, _head("another history"))

    answer = _post(client, other)

    assert answer.status_code == 409
    assert "two different heads for 120 entries" in answer.json()["detail"]
    evidence = ForkEvidence.objects.get(node=tj)
    assert evidence.kind == ForkEvidence.Kind.FORK
    assert (evidence.seen_note, evidence.offered_note) == (first, other)
    # Both notes still verify: the origin cannot deny either.
    for text in (evidence.seen_note, evidence.offered_note):
        assert witness_note.signed_by_origin(witness_note.parse(text),
                                             witness_note.raw_public_key(tj_key))
    assert PeerCheckpoint.objects.get(node=tj).root_hash == _head("a")
    [refused] = _refusals()
    assert refused.outcome == AuditEntry.Outcome.DENIED and "two different heads" in refused.detail


def test_it_catches_a_fork_behind_a_grown_checkpoint(client, tj, tj_key):
    assert _post(client, _note(tj_key, 120, _head("a"))).status_code == 200

    grown_elsewhere = _post(client, _note(tj_key, 150, _head("c"),
                                          previous=(120, _head("another history"))))
    skipping = _post(client, _note(tj_key, 160, _head("d"), previous=(100, _head("old"))))

    assert grown_elsewhere.status_code == 409 and skipping.status_code == 409
    assert "another head for 120 entries" in grown_elsewhere.json()["detail"]
    assert "skipping the one of 120" in skipping.json()["detail"]
    assert ForkEvidence.objects.filter(node=tj, kind=ForkEvidence.Kind.FORK).count() == 2
    assert PeerCheckpoint.objects.get(node=tj).size == 120


def test_it_refuses_a_rollback_and_keeps_both_notes(client, tj, tj_key):
    assert _post(client, _note(tj_key, 120, _head("a"))).status_code == 200

    answer = _post(client, _note(tj_key, 80, _head("older")))

    assert answer.status_code == 409
    assert "80 entries after showing 120" in answer.json()["detail"]
    evidence = ForkEvidence.objects.get(node=tj)
    assert (evidence.kind, evidence.seen_size, evidence.offered_size) == ("rollback", 120, 80)
    assert len(_refusals()) == 1


def test_it_refuses_a_note_signed_by_an_unknown_key(client, tj):
    stranger = Ed25519PrivateKey.generate()

    answer = _post(client, _note(stranger, 120, _head("a")))

    assert answer.status_code == 409
    assert "no key known for tj" in answer.json()["detail"]
    assert not PeerCheckpoint.objects.exists()
    assert "no key known" in _refusals()[0].detail


def test_it_refuses_a_note_of_an_unknown_node(client, personas):
    answer = _post(client, _note(Ed25519PrivateKey.generate(), 5, _head("a"), node="kz"))

    assert answer.status_code == 409
    assert "not the origin of a known node" in answer.json()["detail"]
    assert _refusals()[0].target_id == "kz"


def test_it_refuses_a_note_signed_by_a_revoked_key(client, personas):
    revoked = Ed25519PrivateKey.generate()
    _peer("am", personas.state_a, revoked, status=NodeKey.Status.REVOKED)

    answer = _post(client, _note(revoked, 120, _head("a"), node="am"))

    assert answer.status_code == 409
    assert "signed with the revoked key" in answer.json()["detail"]
    assert not PeerCheckpoint.objects.exists()
    assert len(_refusals()) == 1


def test_it_refuses_a_tampered_note(client, tj, tj_key):
    signed = _note(tj_key, 120, _head("a"))
    tampered = signed.replace("\n120\n", "\n121\n", 1)

    answer = _post(client, tampered)

    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "note"
    assert "does not match the note" in answer.json()["detail"]
    assert not PeerCheckpoint.objects.exists()
    assert len(_refusals()) == 1


def test_it_names_the_line_of_a_malformed_note(client, tj):
    answer = _post(client, "tj/concord-audit\n12x\nAAAA\n\n\u2014 tj/concord-audit AAAAAAAA\n")

    assert answer.status_code == 422
    assert "line 2" in answer.json()["detail"] and "12x" in answer.json()["detail"]


def test_it_does_not_witness_itself(client, personas):
    answer = _post(client, witness_note.sign(witness_note.checkpoint_note(
        node=node_name(), size=1, root_hex=_head("a")), key=node_key()).text())

    assert answer.status_code == 422
    assert "does not witness itself" in answer.json()["detail"]


def test_the_cli_cosigns_a_note_from_a_file_and_exits_3_on_a_fork(tmp_path, tj, tj_key):
    first, fork = tmp_path / "first.note", tmp_path / "fork.note"
    first.write_text(_note(tj_key, 7, _head("a")), encoding="utf-8")
    fork.write_text(_note(tj_key, 7, _head("b")), encoding="utf-8")
    out = StringIO()

    call_command("witness", "cosign", str(first), stdout=out)
    with pytest.raises(CommandError) as refused:
        call_command("witness", "cosign", str(fork), stdout=StringIO())

    assert f"\u2014 {node_name()} " in out.getvalue()
    assert refused.value.returncode == 3
    assert "two different heads for 7 entries" in str(refused.value)


# --- The origin's side ------------------------------------------------------------------------


def _witnessed_by(witness: Node, key: Ed25519PrivateKey) -> Cosignature:
    note, _path = note_latest()
    cosigned = witness_note.cosign(note, name=witness.name, key=key,
                                   timestamp=int(clock.now().timestamp()))
    return cosignature_accept(witness=witness, text=cosigned.text())


def _verify() -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("audit", "verify", stdout=out, stderr=StringIO())
    except CommandError as error:
        return error.returncode, out.getvalue() + str(error)
    return 0, out.getvalue()


@pytest.fixture
def chain(personas) -> list[AuditEntry]:
    return [audit_record(actor=personas.officer, action="dossier.create", detail={"n": n})
            for n in range(1, 7)]


def test_it_writes_the_note_beside_the_json_checkpoint(chain):
    note, path = note_latest()

    assert path.parent == checkpoint_dir() and path.suffix == ".note"
    assert path.with_suffix(".json").exists()
    assert path.read_text(encoding="utf-8") == note.text()
    assert (note.origin, note.size) == (f"{node_name()}/concord-audit", 6)
    assert note.root_hex == AuditEntry.objects.get(seq=6).hash
    assert witness_note.signed_by_origin(note, witness_note.raw_public_key(node_key()))


def test_a_later_note_names_the_checkpoint_before_it(chain):
    first, _ = note_latest()
    audit_record(actor=SYSTEM, action="dossier.create", detail={"n": 7})

    second, _ = note_latest()

    assert second.size == first.size + 2  # the first checkpoint's own entry, and one more
    assert second.previous() == (first.size, first.root_hash)


def test_audit_verify_reports_who_cosigned_which_size_and_when(chain, personas):
    am_key = Ed25519PrivateKey.generate()
    am = _peer("am", personas.state_a, am_key)
    kept = _witnessed_by(am, am_key)

    code, said = _verify()

    assert code == 0, said
    stamp = kept.cosigned_at.isoformat(timespec="seconds")
    assert f"witnessed by am: 6 entries, cosigned {stamp}" in said
    assert AuditEntry.objects.filter(action="federation.witness.cosignature").exists()


def test_audit_verify_fails_on_a_chain_cut_short_behind_a_witnessed_checkpoint(chain, personas):
    am_key = Ed25519PrivateKey.generate()
    am = _peer("am", personas.state_a, am_key)
    _witnessed_by(am, am_key)
    # An older backup put back, with its own checkpoint files: a chain of four entries that the
    # chain key still binds, and no local checkpoint beyond it.
    with guard_lifted():
        AuditEntry.objects.filter(seq__gt=4).delete()
        fourth = AuditEntry.objects.get(seq=4)
        AuditHead.objects.filter(pk=1).update(seq=4, hash=fourth.hash,
                                              mac=head_mac(chain_key(), 4, fourth.hash))
    for path in checkpoint_dir().iterdir():
        path.unlink()

    code, said = _verify()

    assert code == 3, said
    assert "am cosigned the checkpoint of 6 entries" in said and "cut short" in said


def test_it_refuses_a_cosignature_not_made_by_the_witness(chain, personas):
    am = _peer("am", personas.state_a, Ed25519PrivateKey.generate())
    note, _ = note_latest()
    forged = witness_note.cosign(note, name="am", key=Ed25519PrivateKey.generate(),
                                 timestamp=int(clock.now().timestamp()))

    with pytest.raises(Exception, match="no valid cosignature of am"):
        cosignature_accept(witness=am, text=forged.text())
    assert not Cosignature.objects.exists()


# --- The page ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "words"), [
    ("ru", ("Засвидетельствованные контрольные точки", "Доказательства раздвоенной истории",
            "Развилка", "Свидетели контрольных точек этого узла")),
    ("en", ("Witnessed checkpoints", "Evidence of forked histories", "Fork",
            "Witnesses of this node's checkpoints")),
])
def test_the_secretariat_sees_peers_checkpoints_and_fork_evidence(client, personas, tj, tj_key,
                                                                   *, language, words):
    _post(client, _note(tj_key, 120, _head("a")))
    _post(client, _note(tj_key, 120, _head("b")))
    client.force_login(personas.officer)

    page = client.get("/federation/witnesses/", HTTP_ACCEPT_LANGUAGE=language)

    assert page.status_code == 200
    text = page.content.decode()
    for word in words:
        assert word in text
    party = "Таджикистан" if language == "ru" else "Tajikistan"
    assert f"tj ({party})" in text and ">120<" in text
    assert _head("b")[:10] not in text.split('id="peer-checkpoints"')[1]


def test_a_delegate_may_not_see_the_witnessed_checkpoints(client, personas):
    client.force_login(personas.delegate_a)

    assert client.get("/federation/witnesses/").status_code == 403


WITNESS_TASK = "concord.federation.witness_tasks.request_cosignatures"


def test_the_schedule_asks_the_peers_to_cosign_beside_the_hourly_checkpoint(
        chain, personas, settings, monkeypatch):
    from concord.core.schedule import enqueue_due  # noqa: PLC0415
    from concord.federation.services import witness as services  # noqa: PLC0415

    assert WITNESS_TASK in settings.CONCORD_PERIODIC_TASKS
    am_key = Ed25519PrivateKey.generate()
    am = _peer("am", personas.state_a, am_key)
    asked: list[str] = []

    def the_armenian_node_answers(url: str, text: str) -> tuple[int, str]:
        asked.append(url)
        cosigned = witness_note.cosign(witness_note.parse(text), name="am", key=am_key,
                                       timestamp=int(clock.now().timestamp()))
        return 200, cosigned.text()

    monkeypatch.setattr(services, "http_post", the_armenian_node_answers)
    settings.CONCORD_PERIODIC_TASKS = {WITNESS_TASK: 3600}

    assert enqueue_due() == [WITNESS_TASK]
    assert asked == ["https://am.example/api/v1/federation/witness/cosign"]
    kept = Cosignature.objects.get(witness=am)
    assert kept.size == 6 and kept.root_hash == AuditEntry.objects.get(seq=6).hash


@pytest.fixture
def fresh_allowance():
    cache.clear()
    yield
    cache.clear()


def test_an_address_refused_too_often_is_answered_429_and_fills_no_more_of_the_log(
        client, tj, tj_key, settings, fresh_allowance):
    settings.CONCORD_WITNESS_REFUSALS = 3
    stranger = Ed25519PrivateKey.generate()
    for size in (1, 2, 3):
        answer = client.post(URL, data=_note(stranger, size, _head("x"), node="kz").encode(),
                             content_type="text/plain", REMOTE_ADDR="203.0.113.9")
        assert answer.status_code == 409

    answer = client.post(URL, data=_note(stranger, 4, _head("x"), node="kz").encode(),
                         content_type="text/plain", REMOTE_ADDR="203.0.113.9",
                         HTTP_ACCEPT_LANGUAGE="en")

    assert answer.status_code == 429
    assert "refused 3 times in 10 minutes" in answer.json()["detail"]
    assert 1 <= int(answer["Retry-After"]) <= 600
    assert len(_refusals()) == 3
    # Another address, and a well-formed note of a known peer, are answered as before.
    answer = client.post(URL, data=_note(tj_key, 7, _head("a")).encode(),
                         content_type="text/plain", REMOTE_ADDR="198.51.100.4")
    assert answer.status_code == 200
