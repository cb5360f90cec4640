"""The navigation each persona sees, entry by entry (where it leads, under which menu, whether
it is the current one), pinned so that where the entries come from may change and what people
see may not."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest


class _Navigation(HTMLParser):
    """The header's links and menu buttons as "menu > label -> target [active]" lines."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[str] = []
        self._in_header = False
        self._open: dict[str, str] | None = None
        self._text: list[str] = []
        self._menu = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "header":
            self._in_header = True
        elif self._in_header and tag in ("a", "button") and (
                tag == "a" or {"dropdown-item", "dropdown-toggle"} & set(found.get("class", "").split())):
            self._open = {"tag": tag, **found}
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "header":
            self._in_header = False
        elif self._open is not None and tag == self._open["tag"]:
            label = " ".join("".join(self._text).split())
            classes = self._open.get("class", "").split()
            target = self._open.get("href") or (
                f"POST {self._open['form']}" if self._open.get("form") else "its menu")
            if "dropdown-toggle" in classes:
                self._menu = label
                line = f"[{label}] -> {target}"
            elif "dropdown-item" in classes:
                line = f"{self._menu} > {label} -> {target}"
            else:
                line = f"{label} -> {target}"
            if "active" in classes:
                line += " (active)"
            if self._open.get("aria-current") == "page":
                line += " (current)"
            self.entries.append(line)
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)


def navigation_of(html: str) -> list[str]:
    parser = _Navigation()
    parser.feed(html)
    return parser.entries


REGISTRY = [
    "[Registry] -> /registry/states/ (active)",
    "Registry > Member states -> /registry/states/ (active)",
    "Registry > Bodies -> /registry/bodies/",
    "Registry > Officials -> /registry/officials/",
    "Registry > Chairmanship -> /registry/chairmanship/",
]
COUNCIL = [
    "[Council] -> /council/sessions/",
    "Council > Sessions -> /council/sessions/",
    "Council > Calendar -> /council/calendar/",
    "Council > Documents -> /council/documents/",
    "Council > Instructions -> /council/instructions/",
    "Council > Reports on implementation -> /council/reports/",
    "Council > Signer keys -> /council/signer-keys/",
]
MONITORING = [
    "[Monitoring] -> /monitoring/",
    "Monitoring > Situation picture -> /monitoring/",
    "Monitoring > Incidents -> /monitoring/incidents/",
    "Monitoring > Indicators -> /monitoring/indicators/",
    "Monitoring > Alerts -> /monitoring/alerts/",
    "Monitoring > Situation reports -> /monitoring/reports/",
]
PRESS = [
    "[Press] -> /press/",
    "Press > News -> /press/",
    "Press > Search -> /press/search/",
    "Press > Spokesman -> /press/spokesman/",
]
ASSISTANCE = ["[Assistance] -> /assistance/", "Assistance > Requests -> /assistance/"]
# A state's delegation, and the secretariat, keep pledges of their own.
PLEDGING = [*ASSISTANCE, "Assistance > Our pledges -> /assistance/my-pledges"]
CRISIS = [
    "[Crises] -> /crisis/",
    "Crises > Crisis cases -> /crisis/",
    "Crises > Response times -> /crisis/times/",
]
FORCES = [
    "[Forces] -> /forces/",
    "Forces > Formations -> /forces/",
    "Forces > Units -> /forces/units/",
    "Forces > Readiness -> /forces/readiness/",
    "Forces > Map of home stations -> /forces/map/",
    "Forces > Exercises -> /forces/exercises/",
    "Forces > Joint operations -> /forces/operations/",
]
# The federation's pages sit in the registry's menu, for signed-in users.
FEDERATION = [
    "Registry > Received copies -> /federation/",
]
SIGNED_IN = [
    "Concord -> /",
    "Dashboard -> /dashboard/",
    *REGISTRY, *FEDERATION, *COUNCIL, *MONITORING, *PLEDGING, *CRISIS, *FORCES, *PRESS,
    "API -> /api/v1/docs",
    "[{user}] -> its menu",
    "{user} > Profile -> /accounts/profile/",
    "{user} > Sign out -> POST sign-out-form",
]
# The secretariat approves what the press service publishes: its desk is in their menu.
SECRETARIAT = [line for entry in SIGNED_IN for line in (
    [entry, "Press > Press desk -> /press/desk/"] if entry == PRESS[-1] else [entry])]
# ... and the federation's node registry.
SECRETARIAT = [line for entry in SECRETARIAT for line in (
    [entry, "Registry > Federation nodes -> /federation/nodes/"] if entry == FEDERATION[-1]
    else [entry])]
# The secretariat sees, from its own menu, the peers' checkpoints this node witnessed.
SECRETARIAT = [line for entry in SECRETARIAT for line in (
    [entry, "{user} > Witnessed checkpoints -> /federation/witnesses/"]
    if entry == "{user} > Profile -> /accounts/profile/" else [entry])]
# The crisis centre pledges nothing.
ANALYST = [line for line in SIGNED_IN if line not in PLEDGING[len(ASSISTANCE):]]
PUBLIC = [
    "Concord -> /",
    *REGISTRY, *COUNCIL, *ASSISTANCE, *PRESS,
    "API -> /api/v1/docs",
    "Sign in -> /accounts/login/",
]


@pytest.mark.parametrize(("persona", "expected"), [
    ("anonymous", PUBLIC), ("officer", SECRETARIAT), ("delegate_a", SIGNED_IN),
    ("delegate_b", SIGNED_IN), ("analyst", ANALYST)])
def test_it_shows_each_persona_its_navigation(client, personas, persona, expected):
    user = getattr(personas, persona)
    if user.is_authenticated:
        client.force_login(user)
    page = client.get("/registry/states/", HTTP_ACCEPT_LANGUAGE="en")
    assert navigation_of(page.content.decode()) == [
        line.format(user=getattr(user, "username", "")) for line in expected]


def test_it_marks_the_dashboard_as_the_current_page(client, personas):
    client.force_login(personas.officer)
    page = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="en")
    entries = navigation_of(page.content.decode())
    assert "Dashboard -> /dashboard/ (active) (current)" in entries
    assert [line for line in entries if "(active)" in line] == [
        "Dashboard -> /dashboard/ (active) (current)"]


@pytest.mark.parametrize(("path", "active"), [
    ("/council/calendar/", ["[Council] -> /council/sessions/ (active)",
                            "Council > Calendar -> /council/calendar/ (active)"]),
    ("/council/sessions/", ["[Council] -> /council/sessions/ (active)",
                            "Council > Sessions -> /council/sessions/ (active)"]),
    ("/monitoring/", ["[Monitoring] -> /monitoring/ (active)",
                      "Monitoring > Situation picture -> /monitoring/ (active)"]),
    ("/monitoring/alerts/", ["[Monitoring] -> /monitoring/ (active)",
                             "Monitoring > Alerts -> /monitoring/alerts/ (active)"]),
    ("/registry/officials/", ["[Registry] -> /registry/states/ (active)",
                              "Registry > Officials -> /registry/officials/ (active)"]),
    ("/accounts/profile/", ["analyst > Profile -> /accounts/profile/ (active)"]),
])
def test_it_marks_the_section_and_entry_of_the_page_as_active(client, personas, path, active):
    client.force_login(personas.analyst)
    page = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert [line for line in navigation_of(page.content.decode()) if "(active)" in line] == active


def test_it_names_the_entries_in_russian(client, personas):
    page = client.get("/registry/states/", HTTP_ACCEPT_LANGUAGE="ru")
    entries = navigation_of(page.content.decode())
    assert entries[:3] == ["Concord -> /", "[Реестр] -> /registry/states/ (active)",
                           "Реестр > Государства-члены -> /registry/states/ (active)"]
    assert entries[-1] == "Войти -> /accounts/login/"


def test_it_marks_only_the_councils_reports_on_a_council_report_page(client, personas):
    # Both the council and monitoring have report pages; the section tells them apart.
    client.force_login(personas.analyst)
    page = client.get("/council/reports/", HTTP_ACCEPT_LANGUAGE="en")
    assert [line for line in navigation_of(page.content.decode()) if "(active)" in line] == [
        "[Council] -> /council/sessions/ (active)",
        "Council > Reports on implementation -> /council/reports/ (active)"]


def test_it_assembles_the_dashboard_from_the_panels_the_user_may_see(client, personas):
    client.force_login(personas.delegate_a)
    page = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.index('<h2 class="h6">Member states</h2>') < page.index("Your recent actions")
    # With no lower label waiting, the approver's panel keeps quiet instead of counting zero.
    assert "second approver" not in page and "Lower labels to approve" not in page

    client.logout()
    public = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<h2 class="h6">Member states</h2>' in public
    assert "Your recent actions" not in public and "second approver" not in public
