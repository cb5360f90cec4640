from __future__ import annotations

from django_tasks import task

from concord.federation.services.witness import witness_request


@task()
def request_cosignatures() -> None:
    """Ask the peers to cosign the latest checkpoint; each refusal is audited by the service,
    and the next round asks again."""
    witness_request()
