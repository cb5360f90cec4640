from __future__ import annotations


class BackupRefused(Exception):
    """A backup or restore that cannot go on; its message is one line for the operator, and
    nothing was written."""
