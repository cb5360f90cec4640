"""Figures a publication takes from the data: filled in at read time from PUBLIC records only,
in step with the data, and refused when written wrong."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from concord.core.actors import SYSTEM
from concord.core.errors import ValidationError
from concord.core.labels import Classification
from concord.core.models import Party
from concord.demo.steps import load_all
from concord.forces.models import OperationStage
from concord.forces.services import operations as forces
from concord.press.models import Publication
from concord.press.selectors import public
from concord.press.selectors.figures import filled
from concord.press.services import publications as services
from concord.press.services.publications import Wording
from concord.press.tests.factories import published

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db: None) -> None:
    load_all(password="demo password for the press figures")


def _page(client, title_part: str, language: str) -> str:
    [item] = [p for p in public.published() if title_part in public.card(p, language).text.title]
    response = client.get(reverse("press:public-item", args=[item.number]),
                          HTTP_ACCEPT_LANGUAGE=language, follow=True)
    assert response.status_code == 200
    return str(response.content.decode())


def test_it_fills_the_channel_results_from_public_results_only(demo, client):
    page = _page(client, "Канал", "ru")
    # Russia's 640 detained are released; Tajikistan's 57 are not and stay out of the sum.
    assert "задержали 640 человек и возбудили 905 уголовных дел" in page
    assert "{{" not in page
    assert "Совместные операции: «Канал»" in page
    english = _page(client, "Channel", "en")
    assert "detained 640 persons and opened 905 criminal cases" in english


def test_it_follows_a_result_released_after_publication(demo, client):
    before = client.get(reverse("press:index"))
    stage = OperationStage.objects.get(operation__code="channel", number=2)
    belarus = Party.objects.get(code="BY")
    forces.result_report(actor=SYSTEM, figure=forces.ResultFigure(
        stage=stage, state=belarus, measure="detained", quantity=Decimal(25), unit="count",
        classification=Classification.PUBLIC, release_to_all_members=True))
    assert "задержали 665 человек" in _page(client, "Канал", "ru")
    assert client.get(reverse("press:index"),
                      HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200
    withheld = forces.result_report(actor=SYSTEM, figure=forces.ResultFigure(
        stage=stage, state=belarus, measure="cases", quantity=Decimal(40), unit="count",
        case_type="drugs", releasable_to=[belarus]))
    assert withheld.classification != Classification.PUBLIC
    assert "возбудили 905 уголовных дел" in _page(client, "Канал", "ru")


def test_it_gives_a_dash_for_a_record_the_public_may_not_read(demo, client):
    # The demo's exercises are for official use: their strength is nobody's public figure.
    assert filled("{{exercise:Interaction/2013:personnel}} военнослужащих") == "— военнослужащих"
    assert filled("{{exercise:Unheard/2013:personnel}} военнослужащих") == "— военнослужащих"
    assert filled("{{operation:channel:firearms}} единиц оружия") == "34 единиц оружия"
    page = _page(client, "Взаимодействие-2013", "ru")
    assert "Учения:" not in page


def test_it_writes_figures_in_the_feed_and_for_news_agencies(demo, client):
    feed = client.get(reverse("press:feed", args=["en"])).content.decode()
    assert "detained 640 persons" in feed
    documents = client.get("/api/v1/press/publications", {"language": "ru"}).json()
    bodies = [d["bodies"][0]["value"] for d in documents if d["bodies"]]
    assert any("задержали 640 человек" in body for body in bodies)


@pytest.mark.parametrize(("written", "said"), [
    ("{{exercise:Interaction:personnel}}", "English series and year"),
    ("{{operation:channel:tonnes}}", "is not a figure of this kind"),
    ("{{budget:2024:total}}", "no figure comes from «budget»"),
])
def test_it_refuses_a_figure_written_wrong_naming_it(press, personas, written, said):
    with pytest.raises(ValidationError) as raised:
        services.publication_draft(
            actor=press, pub_type=Publication.Type.NEWS,
            texts={"en": Wording(title="Figures", body=f"There were {written} of them.")},
            translation=Publication.Translation.PENDING)
    [message] = raised.value.errors["body_en"]
    assert written in message and said in message


def test_it_shows_a_plain_text_unchanged(press, personas, client):
    published(press, personas.officer)
    assert filled("Без цифр {из данных}.") == "Без цифр {из данных}."
