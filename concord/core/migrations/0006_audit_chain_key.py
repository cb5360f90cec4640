"""Binds the audit chain with a key kept outside the database, and guards its head.

Every entry gets an HMAC of its hash, and the head an HMAC of its position, under the chain key
(settings.CONCORD_AUDIT_CHAIN_KEY_FILE, made here with 0600 if entries already exist and no key
does). The head may then move only forward, one entry at a time. On SQLite adding a column
rebuilds the table, which drops its triggers: every guard is (re)installed at the end. The SQL and
the MAC construction are written out here so that this migration never changes with the code.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.db import migrations, models

ENTRY_REFUSED = "'the audit log is append-only'"
HEAD_REFUSED = "'the audit head only moves forward'"

SQLITE_ENTRY_GUARD = [
    "CREATE TRIGGER IF NOT EXISTS core_auditentry_no_update BEFORE UPDATE ON core_auditentry "
    f"BEGIN SELECT RAISE(ABORT, {ENTRY_REFUSED}); END",
    "CREATE TRIGGER IF NOT EXISTS core_auditentry_no_delete BEFORE DELETE ON core_auditentry "
    f"BEGIN SELECT RAISE(ABORT, {ENTRY_REFUSED}); END",
]
SQLITE_HEAD_GUARD = [
    "CREATE TRIGGER IF NOT EXISTS core_audithead_no_delete BEFORE DELETE ON core_audithead "
    f"BEGIN SELECT RAISE(ABORT, {HEAD_REFUSED}); END",
    "CREATE TRIGGER IF NOT EXISTS core_audithead_one_row BEFORE INSERT ON core_audithead "
    "WHEN NEW.seq IS NOT 0 OR EXISTS (SELECT 1 FROM core_audithead) "
    f"BEGIN SELECT RAISE(ABORT, {HEAD_REFUSED}); END",
    "CREATE TRIGGER IF NOT EXISTS core_audithead_forward_only BEFORE UPDATE ON core_audithead "
    "WHEN NEW.id IS NOT OLD.id OR NEW.seq IS NOT OLD.seq + 1 "
    "OR NEW.hash IS NOT (SELECT hash FROM core_auditentry WHERE seq = NEW.seq) "
    f"BEGIN SELECT RAISE(ABORT, {HEAD_REFUSED}); END",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_update",
    "DROP TRIGGER IF EXISTS core_auditentry_no_delete",
    "DROP TRIGGER IF EXISTS core_audithead_no_delete",
    "DROP TRIGGER IF EXISTS core_audithead_one_row",
    "DROP TRIGGER IF EXISTS core_audithead_forward_only",
]
PG_ENTRY_GUARD = [
    "CREATE OR REPLACE FUNCTION core_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION {ENTRY_REFUSED}; END $$",
    "CREATE TRIGGER core_auditentry_append_only BEFORE UPDATE OR DELETE ON core_auditentry "
    "FOR EACH ROW EXECUTE FUNCTION core_audit_append_only()",
    "CREATE TRIGGER core_auditentry_no_truncate BEFORE TRUNCATE ON core_auditentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION core_audit_append_only()",
]
PG_HEAD_GUARD = [
    "CREATE OR REPLACE FUNCTION core_audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql "
    "AS $$ BEGIN "
    "IF TG_OP = 'INSERT' AND NEW.seq = 0 AND NOT EXISTS (SELECT 1 FROM core_audithead) THEN "
    "RETURN NEW; END IF; "
    "IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.seq = OLD.seq + 1 "
    "AND NEW.hash = (SELECT hash FROM core_auditentry WHERE seq = NEW.seq) THEN "
    "RETURN NEW; END IF; "
    f"RAISE EXCEPTION {HEAD_REFUSED}; END $$",
    "CREATE TRIGGER core_audithead_forward_only BEFORE INSERT OR UPDATE OR DELETE "
    "ON core_audithead FOR EACH ROW EXECUTE FUNCTION core_audit_head_forward_only()",
    "CREATE TRIGGER core_audithead_no_truncate BEFORE TRUNCATE ON core_audithead "
    "FOR EACH STATEMENT EXECUTE FUNCTION core_audit_append_only()",
]
PG_REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditentry_append_only ON core_auditentry",
    "DROP TRIGGER IF EXISTS core_auditentry_no_truncate ON core_auditentry",
    "DROP TRIGGER IF EXISTS core_audithead_forward_only ON core_audithead",
    "DROP TRIGGER IF EXISTS core_audithead_no_truncate ON core_audithead",
]


def _run(schema_editor, *, sqlite, postgresql):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": sqlite, "postgresql": postgresql}.get(vendor)
    if statements is None:
        raise NotImplementedError(f"No audit guard for {vendor}.")
    for statement in statements:
        schema_editor.execute(statement)


def _chain_key(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
    return bytes.fromhex(path.read_text(encoding="ascii").strip())


def lift_guards(apps, schema_editor):
    _run(schema_editor, sqlite=SQLITE_REMOVE, postgresql=PG_REMOVE)


def restore_entry_guard(apps, schema_editor):
    _run(schema_editor, sqlite=SQLITE_ENTRY_GUARD, postgresql=PG_ENTRY_GUARD)


def bind_and_guard(apps, schema_editor):
    entry_model = apps.get_model("core", "AuditEntry")
    head_model = apps.get_model("core", "AuditHead")
    if entry_model.objects.exists():
        key = _chain_key(Path(settings.CONCORD_AUDIT_CHAIN_KEY_FILE))
        batch = []
        for entry in entry_model.objects.order_by("seq").only("seq", "hash").iterator(2000):
            entry.mac = hmac.new(key, b"concord-audit-entry\n" + entry.hash.encode("ascii"),
                                 hashlib.sha256).hexdigest()
            batch.append(entry)
            if len(batch) == 2000:
                entry_model.objects.bulk_update(batch, ["mac"])
                batch = []
        entry_model.objects.bulk_update(batch, ["mac"])
        for head in head_model.objects.filter(seq__gt=0):
            message = f"concord-audit-head\n{head.seq}\n{head.hash}".encode("ascii")
            head.mac = hmac.new(key, message, hashlib.sha256).hexdigest()
            head.save(update_fields=["mac"])
    _run(schema_editor, sqlite=SQLITE_ENTRY_GUARD + SQLITE_HEAD_GUARD,
         postgresql=PG_ENTRY_GUARD + PG_HEAD_GUARD)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_label_change")]
    operations = [
        migrations.RunPython(lift_guards, restore_entry_guard),
        migrations.AddField(
            model_name="auditentry",
            name="mac",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="audithead",
            name="mac",
            field=models.CharField(blank=True, default="", max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(bind_and_guard, lift_guards),
    ]
