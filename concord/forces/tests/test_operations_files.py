"""Import and export of results: every problem named by line and column, nothing half-written,
and an import of an export adds nothing."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from concord.core.labels import Classification
from concord.forces.models import OperationResult
from concord.forces.tests.operations_factories import report, world

pytestmark = pytest.mark.django_db

HEADER = "operation,stage,state,measure,substance,case_type,quantity,unit,note,classification"


def _count(personas):
    return OperationResult.objects.visible_to(personas.officer).count()


def _upload(client, name, content):
    return client.post("/forces/operations/results/import/",
                       {"file": SimpleUploadedFile(name, content)},
                       HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def delegate(personas):
    client = Client()
    client.force_login(personas.delegate_a)
    return client


def test_it_imports_a_states_results_from_csv(personas, delegate):
    world(personas)
    text = "\n".join([HEADER, "channel,1,RU,seizure,mdma,,18000,tablet,Sheremetyevo,",
                      "channel,2,RU,cases,,drugs,12,count,,official_use"])
    response = _upload(delegate, "results.csv", text.encode())
    assert response.status_code == 302
    seized = OperationResult.objects.visible_to(personas.delegate_a).get(measure="seizure")
    assert str(seized.kg_equivalent) == "1.800"
    assert seized.classification == Classification.OFFICIAL_USE


def test_it_names_every_bad_cell_by_line_and_column_and_writes_nothing(personas, delegate):
    world(personas)
    text = "\n".join([HEADER,
                      "channel,1,RU,seizure,heroin,,12,kg,,",
                      "channel,9,RU,seizure,heroin,,12,kg,,",
                      "channel,1,TJ,detained,,,5,count,,",
                      "channel,2,RU,seizure,heroin,,lots,kg,,",
                      "channel,2,RU,seizure,unobtainium,,3,kg,,secretish"])
    response = _upload(delegate, "results.csv", text.encode())
    assert response.status_code == 400
    page = response.content.decode()
    assert "line 3, operation" in page
    assert "line 4, state" in page
    assert "line 5, quantity" in page and "“lots” is not a number" in page
    assert "line 6, substance" in page and "line 6, classification" in page
    assert _count(personas) == 0


def test_it_adds_nothing_when_an_export_is_imported_again(personas, delegate):
    w = world(personas)
    report(w.stage_2013, personas.state_a, "seizure", "412.5", "kg", substance="heroin",
           releasable_to=[personas.secretariat])
    report(w.stage_2014, personas.state_a, "seizure", "52000", "tablet",
           substance="methamphetamine", classification=Classification.PUBLIC)
    for fmt in ("csv", "xlsx"):
        exported = delegate.get(f"/forces/operations/results/?format={fmt}").content
        response = _upload(delegate, f"results.{fmt}", exported)
        assert response.status_code == 302, response.content.decode()[-2000:]
        assert _count(personas) == 2
        followed = delegate.get("/forces/operations/results/", HTTP_ACCEPT_LANGUAGE="en")
        assert "already recorded, left as they were: 2" in followed.content.decode()


def test_it_corrects_a_figure_the_file_gives_another_quantity_and_keeps_the_old_one(
        personas, delegate):
    w = world(personas)
    first = report(w.stage_2013, personas.state_a, "detained", "60",
                   releasable_to=[personas.secretariat])
    text = "\n".join([HEADER, "channel,1,RU,detained,,,61,count,,",
                      "channel,2,RU,detained,,,5,count,,"])
    response = _upload(delegate, "results.csv", text.encode())
    assert response.status_code == 302, response.content.decode()[-2000:]
    followed = delegate.get("/forces/operations/results/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Results added: 1; corrected: 1;" in followed.content.decode()
    first.refresh_from_db()
    assert first.quantity == 61
    assert OperationResult.objects.visible_to(personas.delegate_a).count() == 2
    page = delegate.get(f"/forces/operations/results/{first.public_id}/",
                        HTTP_ACCEPT_LANGUAGE="en").content.decode()
    history = page.split("result-history")[1]
    assert "60" in history and "Corrected by the import of results.csv." in history


def test_it_corrects_nothing_when_another_line_of_the_file_is_wrong(personas, delegate):
    w = world(personas)
    first = report(w.stage_2013, personas.state_a, "detained", "60",
                   releasable_to=[personas.secretariat])
    text = "\n".join([HEADER, "channel,1,RU,detained,,,61,count,,",
                      "channel,2,RU,detained,,,many,count,,"])
    response = _upload(delegate, "results.csv", text.encode())
    assert "line 3, quantity" in response.content.decode()
    first.refresh_from_db()
    assert first.quantity == 60 and not first.revisions.exists()


def test_it_reads_an_xlsx_workbook(personas, delegate):
    world(personas)
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["channel", 1, "RU", "precursor", "acetic-anhydride", None, 2300, "l", None,
                  "public"])
    buffer = io.BytesIO()
    book.save(buffer)
    response = _upload(delegate, "results.xlsx", buffer.getvalue())
    assert response.status_code == 302
    result = OperationResult.objects.visible_to(personas.anonymous).get()
    assert str(result.kg_equivalent) == "2300.000"


def test_it_names_missing_columns(personas, delegate):
    world(personas)
    response = _upload(delegate, "results.csv", b"operation,stage,measure\nchannel,1,detained\n")
    page = response.content.decode()
    assert "line 1" in page and "Missing columns: state, quantity, unit." in page
