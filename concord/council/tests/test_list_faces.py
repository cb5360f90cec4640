"""What the council's lists and forms show around their rows: the filter summaries follow a
tick that swaps only the table, the implementation reports and the signer keys sort and search
like the other lists, and an agenda item is chosen by its number in the agenda's order."""

from __future__ import annotations

import html
import re
from datetime import date

from django.test import Client
from django.urls import reverse

from concord.council import services
from concord.council.tests.factories import draft, implementation_report, session
from concord.registry.tests.factories import official

API = "/api/v1"


def _client(user, language: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def _text(response) -> str:
    assert response.status_code == 200
    page: str = html.unescape(response.content.decode())
    return page


def _summaries(page: str) -> dict[str, str]:
    return dict(re.findall(r'<summary class="form-select text-truncate" id="filter-summary-'
                           r'([a-z]+)" hx-swap-oob="true">([^<]*)</summary>', page))


def test_it_sends_the_filter_summaries_with_the_table_a_tick_swaps(org, personas):
    client = _client(personas.officer, "ru")
    url = reverse("council:instruction-list")

    swapped = _text(client.get(url, {"due": ["overdue", "soon"], "status": "done"},
                               HTTP_HX_REQUEST="true"))
    cleared = _text(client.get(url, HTTP_HX_REQUEST="true"))
    whole = _text(client.get(url, {"due": "overdue"}))

    assert _summaries(swapped) == {"status": "Статус (1)", "addressee": "Любой адресат",
                                   "due": "Срок (2)"}
    assert _summaries(cleared)["due"] == "Любой срок"
    # A whole page has each summary once, in its filter, and nothing to swap.
    assert "hx-swap-oob" not in whole
    assert whole.count('id="filter-summary-due"') == 1


def test_it_sends_the_filter_summaries_on_every_list_with_a_filter_of_several_values(org,
                                                                                   personas):
    client = _client(personas.officer)
    lists = {"council:session-list": {"kind": "regular"},
             "council:document-list": {"type": "decision"},
             "registry:official-list": {"state": "RU"}}

    for name, params in lists.items():
        page = _text(client.get(reverse(name), params, HTTP_HX_REQUEST="true"))
        (field,) = params
        assert _summaries(page)[field].endswith("(1)"), name


def _report_titles(page: str) -> list[str]:
    return re.findall(r'<td><a href="/council/reports/[^"]+/">([^<]+)</a></td>', page)


def test_it_sorts_implementation_reports_by_title_and_finds_them_by_words(org, personas):
    officer = personas.officer
    sochi_report = implementation_report(org, officer)
    later = session(org, officer, starts_on=date(2015, 9, 15), title_en="Dushanbe session",
                    title_ru="Душанбинская сессия", place_en="Dushanbe")
    dushanbe_report = services.implementation_report_generate(actor=officer, session=later)
    client = _client(officer)
    url = reverse("council:report-list")

    ascending = _report_titles(_text(client.get(url, {"sort": "title"})))
    descending = _report_titles(_text(client.get(url, {"sort": "-title"})))
    found = _report_titles(_text(client.get(url, {"q": dushanbe_report.covers.title_en})))
    api = client.get(f"{API}/implementation-reports",
                     {"q": dushanbe_report.covers.title_en, "sort": "-title"})
    refused = client.get(f"{API}/implementation-reports", {"sort": "place"})

    titles = sorted([sochi_report.title_en, dushanbe_report.title_en])
    assert ascending == titles
    assert descending == titles[::-1]
    assert found == [dushanbe_report.title_en]
    assert [report["id"] for report in api.json()["items"]] == [str(dushanbe_report.public_id)]
    assert refused.status_code == 422
    assert "sort" in refused.content.decode()


def _key_officials(page: str) -> list[str]:
    return re.findall(r'<td><a href="/registry/officials/[^"]+/">([^<]+)</a></td>', page)


def test_it_sorts_signer_keys_by_column_and_finds_them_by_name_or_fingerprint(org, personas):
    officer = personas.officer
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    rahmon = official("Emomali Rahmon", "Эмомали Рахмон", state=org.states["TJ"])
    lukashenko = official("Alexander Lukashenko", "Александр Лукашенко", state=org.states["BY"])
    for person in (putin, rahmon, lukashenko):
        services.signer_key_create(actor=officer, official=person)
    revoked = services.signer_key_create(actor=officer, official=putin)
    services.signer_key_revoke(actor=officer, key=revoked)
    client = _client(officer)
    url = reverse("council:signer-key-list")

    by_name = _key_officials(_text(client.get(url, {"sort": "official"})))
    by_state = _key_officials(_text(client.get(url, {"sort": "-state"})))
    by_status = _key_officials(_text(client.get(url, {"sort": "status"})))
    by_words = _key_officials(_text(client.get(url, {"q": "rahm"})))
    by_print = _key_officials(_text(client.get(url, {"q": revoked.fingerprint[:12]})))

    assert by_name == ["Alexander Lukashenko", "Emomali Rahmon", "Vladimir Putin",
                       "Vladimir Putin"]
    assert by_state == ["Emomali Rahmon", "Vladimir Putin", "Vladimir Putin",
                        "Alexander Lukashenko"]
    assert by_status[-1] == "Vladimir Putin" and len(by_status) == 4
    assert by_words == ["Emomali Rahmon"]
    assert by_print == ["Vladimir Putin"]


def _options(page: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None
    return re.findall(r'<option value="\d+"[^>]*>([^<]*)</option>', select.group(1))


def test_it_offers_agenda_items_by_number_in_the_agenda_order(org, personas):
    officer = personas.officer
    held = session(org, officer)
    security = services.agenda_item_add(actor=officer, session=held, title_ru="Безопасность",
                                        title_en="Security")
    budget = services.agenda_item_add(actor=officer, session=held, title_ru="Бюджет",
                                      title_en="Budget")
    # Added last, it reads under the first item: 1.1, before the budget.
    services.agenda_item_add(actor=officer, session=held, title_ru="Границы",
                             title_en="Borders", parent=security)
    document = draft(org, officer, session=held)
    client = _client(officer)

    attach = _options(_text(client.get(reverse("council:document-agenda-item",
                                               args=[document.public_id]))), "agenda_item")
    create = _options(_text(client.get(reverse("council:document-create",
                                               args=[held.public_id]))), "agenda_item")
    parent = _options(_text(client.get(reverse("council:session-agenda-item-edit",
                                               args=[held.public_id, budget.pk]))), "parent")

    assert attach == ["1. Security", "1.1. Borders", "2. Budget"]
    assert create == attach
    assert parent == ["1. Security", "1.1. Borders"]


def test_it_heads_the_reports_counts_as_a_summary_table_in_russian(org, personas):
    report = implementation_report(org, personas.officer)

    page = _text(_client(personas.officer, "ru").get(report.get_absolute_url()))

    assert '<h2 class="h5">Сводка</h2>' in page
    assert "Краткое изложение" not in page
