"""The witnessing page: what peers showed this node, their forks, and who cosigned this node's
own checkpoints."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from concord.federation.local import node_name
from concord.federation.selectors import witness as selectors


@require_GET
@login_required
@permission_required(selectors.PERMISSION, raise_exception=True)
def witness_overview(request: HttpRequest) -> HttpResponse:
    context = {
        "node": node_name(),
        "peers": list(selectors.peer_checkpoints(viewer=request.user)),
        "forks": list(selectors.fork_evidence(viewer=request.user)),
        "cosignatures": selectors.own_cosignatures(viewer=request.user),
    }
    return render(request, "federation/witness_overview.html", context)
