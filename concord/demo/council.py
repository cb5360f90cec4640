"""The demo organization's council records: the CSC session in Sochi of 23 September 2013 with its
documents, the sessions around it that the press release names, and the June 2024 Almaty meeting
of the Committee of Secretaries of Security Councils, and the December 2011 session's Action Plan
on Afghanistan that the Sochi briefing reports on; and the next regular session ahead, with a
draft awaiting positions. Loading twice changes nothing.

The sessions are in `council_sessions`, the documents and their signatures in
`council_documents`."""

from __future__ import annotations

from concord.core.actors import SYSTEM
from concord.core.models import Party
from concord.council import services
from concord.council.models import ImplementationReport
from concord.demo.council_afghanistan import load_action_plan
from concord.demo.council_documents import SOCHI_DOCUMENTS, _adopted, _signatures, demo_signer_key
from concord.demo.council_sessions import _agenda, _Count, _id, _participants, _sessions, _unscoped
from concord.demo.council_upcoming import load_upcoming


def load_council() -> dict[str, int]:
    count = _Count()
    sessions = _sessions(count)
    sochi = sessions["CSC-2013-09-23"]
    _participants(sochi, count)
    load_action_plan(sessions["CSC-2011-12-12"], count)
    secretariat = Party.objects.get(code="SEC")
    documents = {spec.key: _adopted(sochi, spec, secretariat, count) for spec in SOCHI_DOCUMENTS}
    for spec in SOCHI_DOCUMENTS:
        if spec.signed:
            _signatures(documents[spec.key], count)
    _agenda(sessions, documents, count)
    moscow = sessions["CSC-2014-H2"]
    if not _unscoped(ImplementationReport).filter(session=moscow).exists():
        services.implementation_report_generate(actor=SYSTEM, session=moscow,
                                                public_id=_id("report", "CSC-2014-H2"))
        count.add("implementation reports")
    load_upcoming(count)
    return dict(count)


__all__ = ["demo_signer_key", "load_council"]
