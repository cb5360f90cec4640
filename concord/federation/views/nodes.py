"""The federation's nodes and the history of their keys, for the secretariat."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from concord.federation.selectors.nodes import node_list as nodes_read


@login_required
@permission_required("federation.view_node", raise_exception=True)
def node_list(request: HttpRequest) -> HttpResponse:
    return render(request, "federation/node_list.html", {"nodes": nodes_read()})
