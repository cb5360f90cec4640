"""`concord federation node add|list|rotate|revoke|show-self`, `export`, `import`, `push` and
`pull`: the node registry and the exchange of bundles, by file or over HTTPS, through the same
services as the API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.dateparse import parse_datetime

from concord.core.actors import SYSTEM
from concord.core.audit import canonical_json
from concord.core.errors import DomainError
from concord.federation import local, transport
from concord.federation.models import DistributionStatus, Node, NodeKey
from concord.federation.selectors.nodes import node_list, node_named
from concord.federation.services import exchange, nodes
from concord.federation.services.transport import node_cursor_advance


def _refusal(error: DomainError) -> str:
    details = "; ".join(f"{field}: {' '.join(map(str, found))}"
                        for field, found in getattr(error, "errors", {}).items())
    return f"{error}" + (f" ({details})" if details else "")


class Command(BaseCommand):
    help = "The federation: nodes and their keys, and bundles exchanged with them."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        node = verbs.add_parser("node", help="The nodes of the federation and their keys.")
        node_verbs = node.add_subparsers(dest="node_verb", required=True)
        add = node_verbs.add_parser("add", help="Register a peer node with its public key.")
        add.add_argument("name")
        add.add_argument("--party", required=True, help="The code of the party it speaks for.")
        add.add_argument("--key", required=True, help="Its Ed25519 public key, raw, base64.")
        add.add_argument("--endpoint", default="", help="Its base URL, for HTTPS exchange.")
        node_verbs.add_parser("list", help="The nodes and their keys.")
        rotate = node_verbs.add_parser("rotate", help="Replace a node's key (the old retires).")
        rotate.add_argument("name")
        rotate.add_argument("--key", required=True)
        revoke = node_verbs.add_parser("revoke", help="Revoke a node's key.")
        revoke.add_argument("name")
        revoke.add_argument("--reason", required=True)
        revoke.add_argument("--at", default="", help="From when (ISO 8601 with offset); now "
                            "by default.")
        show = node_verbs.add_parser("show-self", help="This node's name, party and key; "
                                     "with --party, registers it first.")
        show.add_argument("--party", default="")
        show.add_argument("--endpoint", default="")
        export = verbs.add_parser("export", help="Write the bundle for a node to a file.")
        export.add_argument("--to", required=True, dest="to")
        export.add_argument("--since", type=int, default=0,
                            help="Only what changed after this position of the audit chain.")
        export.add_argument("--status", default=DistributionStatus.ACTUAL,
                            choices=DistributionStatus.values)
        export.add_argument("-o", "--output", required=True, help="The file ('-': stdout).")
        importing = verbs.add_parser("import", help="Verify and file a bundle from a file.")
        importing.add_argument("file")
        push = verbs.add_parser("push", help="Send the bundle for a node over HTTPS.")
        push.add_argument("--to", required=True, dest="to")
        push.add_argument("--since", type=int, default=0)
        push.add_argument("--status", default=DistributionStatus.ACTUAL,
                          choices=DistributionStatus.values)
        pull = verbs.add_parser("pull", help="Fetch and file what a node holds for this one.")
        pull.add_argument("--from", required=True, dest="source")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, "_" + options["verb"])(options)
        except DomainError as error:
            raise CommandError(_refusal(error)) from None
        except transport.TransportError as error:
            raise CommandError(str(error)) from None

    def _peer(self, name: str, option: str) -> Node:
        node = node_named(name)
        if node is None or node.is_local:
            raise CommandError(f"{option}: no peer node named {name!r}.")
        return node

    def _node(self, options: dict[str, Any]) -> None:
        verb = options["node_verb"]
        if verb == "add":
            found = nodes.node_register(actor=SYSTEM, name=options["name"],
                                        party_code=options["party"], public_key=options["key"],
                                        endpoint=options["endpoint"])
            self.stdout.write(f"{found.name}\t{found.party.code}\tregistered")
        elif verb == "list":
            for found in node_list():
                keys = ", ".join(f"{key.key_id} {key.status}" for key in found.keys.all())
                mark = " (this node)" if found.is_local else ""
                self.stdout.write(f"{found.name}{mark}\t{found.party.code}\t"
                                  f"{found.endpoint or '-'}\t{keys}")
        elif verb == "rotate":
            key = nodes.node_key_rotate(actor=SYSTEM, name=options["name"],
                                        public_key=options["key"])
            self.stdout.write(f"{options['name']}\t{key.key_id}\tactive")
        elif verb == "revoke":
            at = None
            if options["at"]:
                at = parse_datetime(options["at"])
                if at is None:
                    raise CommandError(f"--at: {options['at']!r} is not an ISO 8601 time.")
            for key in nodes.node_key_revoke(actor=SYSTEM, name=options["name"],
                                             reason=options["reason"], at=at):
                self.stdout.write(f"{options['name']}\t{key.key_id}\trevoked")
        else:
            me = Node.objects.filter(is_local=True).select_related("party").first()
            if me is None and options["party"]:
                me = nodes.node_register_self(actor=SYSTEM, party_code=options["party"],
                                              endpoint=options["endpoint"])
            public_key = local.public_key_b64()
            self.stdout.write(f"name\t{local.node_name()}")
            self.stdout.write(f"party\t{me.party.code if me else '-'}")
            self.stdout.write(f"key\t{public_key}")
            self.stdout.write(f"key id\t{NodeKey.id_of(public_key)}")

    def _export(self, options: dict[str, Any]) -> None:
        node = self._peer(options["to"], "--to")
        bundle = exchange.bundle_export(actor=SYSTEM, node=node, since=options["since"],
                                        status=options["status"])
        text = canonical_json(bundle)
        if options["output"] == "-":
            sys.stdout.write(text + "\n")
            return
        Path(options["output"]).write_text(text, encoding="utf-8")
        self.stdout.write(f"{bundle['distributionID']}\t{len(bundle['contentObjects'])} "
                          f"content objects\tcursor {bundle['cursor']}")

    def _report(self, report: exchange.ImportReport) -> None:
        self.stdout.write(f"{report.distribution_id}\t{report.sender}\t{report.status}\t"
                          f"accepted {len(report.accepted)}\tunchanged {report.unchanged}\t"
                          f"withdrawn {len(report.withdrawn)}\trefused {len(report.refused)}")
        for index, field, reason in report.refused:
            self.stdout.write(f"contentObjects[{index}].{field}: {reason}")

    def _import(self, options: dict[str, Any]) -> None:
        try:
            bundle = json.loads(Path(options["file"]).read_bytes())
        except OSError as error:
            raise CommandError(f"{options['file']}: {error.strerror}") from None
        except ValueError as error:
            raise CommandError(f"{options['file']}: not JSON ({error})") from None
        self._report(exchange.bundle_import(actor=SYSTEM, bundle=bundle))

    def _push(self, options: dict[str, Any]) -> None:
        node = self._peer(options["to"], "--to")
        bundle = exchange.bundle_export(actor=SYSTEM, node=node, since=options["since"],
                                        status=options["status"])
        answer = transport.call(node, "POST", transport.BUNDLES_PATH,
                                canonical_json(bundle).encode("utf-8"))
        document = answer.document
        self.stdout.write(f"{document.get('distribution_id')}\t{node.name}\t"
                          f"accepted {document.get('accepted')}\t"
                          f"unchanged {document.get('unchanged')}\t"
                          f"withdrawn {document.get('withdrawn')}\t"
                          f"refused {len(document.get('refused') or [])}")
        for refusal in document.get("refused") or []:
            self.stdout.write(f"contentObjects[{refusal.get('index')}].{refusal.get('field')}: "
                              f"{refusal.get('reason')}")

    def _pull(self, options: dict[str, Any]) -> None:
        node = self._peer(options["source"], "--from")
        answer = transport.call(node, "GET",
                                f"{transport.BUNDLES_PATH}?since={node.pulled_cursor}")
        report = exchange.bundle_import(actor=SYSTEM, bundle=answer.document, via=node)
        cursor = answer.document.get("cursor")
        if isinstance(cursor, int):
            node_cursor_advance(node=node, cursor=cursor)
        self._report(report)
