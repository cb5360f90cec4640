"""Nothing not PUBLIC reaches any public route of the press service: every page, feed, sitemap,
calendar, search, ninjs document, Open Graph tag and figure from the data is read as the public
reads it, so a record for official use is as absent there as a missing one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.forces.models import Operation
from concord.forces.services import operations as forces
from concord.press.models import Publication
from concord.press.services.publications import Wording
from concord.press.tests.factories import published

pytestmark = pytest.mark.django_db

MARK = "Verschlusssache"


def _operation(code: str, *, public: bool) -> Operation:
    secretariat = Party.objects.get(code="SEC")
    return forces.operation_create(
        actor=SYSTEM, code=code, name_ru=f"{MARK} {code}" if not public else "Канал",
        name_en=f"{MARK} {code}" if not public else "Channel", kind="drugs",
        originator=secretariat,
        classification=Classification.PUBLIC if public else Classification.OFFICIAL_USE,
        release_to_all_members=public, releasable_to=[] if public else [secretariat])


def _result(operation: Operation, count: int, *, public: bool) -> None:
    secretariat = Party.objects.get(code="SEC")
    stage = forces.stage_add(actor=SYSTEM, operation=operation, number=1 if public else 2,
                             name_ru="Этап", name_en="Stage", starts_on=date(2024, 5, 1),
                             ends_on=date(2024, 5, 7))
    forces.result_report(actor=SYSTEM, figure=forces.ResultFigure(
        stage=stage, state=Party.objects.get(code="RU"), measure="detained",
        quantity=Decimal(count), unit="count",
        classification=Classification.PUBLIC if public else Classification.OFFICIAL_USE,
        release_to_all_members=public, releasable_to=[] if public else [secretariat]))


def _routes(item: Publication) -> list[str]:
    routes = [reverse("portal:home"), reverse("press:index"),
              reverse("press:sitemap"), reverse("press:calendar"),
              reverse("press:calendar") + "?language=en",
              reverse("press:public-item", args=[item.number]),
              "/api/v1/press/publications?language=ru", "/api/v1/press/publications?language=en",
              f"/api/v1/press/publications/{item.number}/ru",
              f"/api/v1/press/publications/{item.number}/en"]
    for language in ("ru", "en"):
        routes.append(reverse("press:feed", args=[language]))
        routes += [reverse("press:feed-type", args=[language, kind])
                   for kind in Publication.Type.values]
        routes.append(reverse("press:search") + f"?q=Задержано&language={language}")
        routes.append(reverse("press:search") + f"?q=Detained&language={language}")
        text = item.texts.get(language=language, superseded_at__isnull=True)
        routes.append(text.get_absolute_url())
    return routes


def test_it_lets_nothing_for_official_use_reach_any_public_route(client, press, personas):
    hidden = _operation("hidden", public=False)
    shown = _operation("channel", public=True)
    _result(shown, 120, public=True)
    _result(shown, 33, public=False)
    item = published(press, personas.officer, operations=[hidden, shown], texts={
        "ru": Wording(title="Итоги", lead="Задержано {{operation:hidden:detained}} человек.",
                      body="Задержано {{operation:channel:detained}} человек; "
                           "ещё {{operation:hidden:detained}}."),
        "en": Wording(title="Results", lead="Detained: {{operation:hidden:detained}}.",
                      body="Detained: {{operation:channel:detained}}; "
                           "and {{operation:hidden:detained}} more.")})
    answers = {}
    for route in _routes(item):
        response = client.get(route, HTTP_ACCEPT_LANGUAGE="ru", follow=True)
        assert response.status_code == 200, route
        answers[route] = response.content.decode()
    for route, body in answers.items():
        assert MARK not in body, route
        assert "153" not in body and "{{operation" not in body, route
    english = answers[item.texts.get(language="en", superseded_at__isnull=True)
                      .get_absolute_url()]
    assert "Detained: 120; and — more." in english
    # Open Graph names the figure as the page does, never the hidden one.
    assert '<meta property="og:description" content="Detained: —.">' in english
    assert "Совместные операции: «Канал»" in answers[
        item.texts.get(language="ru", superseded_at__isnull=True).get_absolute_url()]
