"""`concord press`: the operator lists publications, releases the embargoed ones that are due,
and checks the public feeds."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from concord.core import clock
from concord.press.models import Publication
from concord.press.outputs.feed_check import atom_problems
from concord.press.tests.factories import RU, draft, published

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("press", *args, stdout=out)
    return out.getvalue()


def test_it_lists_every_publication_with_its_status(press, personas):
    out_item = published(press, personas.officer)
    in_draft = draft(press)
    listed = _run("list")
    assert f"{out_item.number}" in listed and "published" in listed
    assert f"{in_draft.number}" in listed and "draft" in listed
    assert RU.title in listed
    only_drafts = _run("list", "--status", "draft")
    assert in_draft.number in only_drafts
    assert out_item.number not in only_drafts


def test_it_publishes_the_items_whose_embargo_has_ended(press, personas):
    item = published(press, personas.officer, embargo_until=clock.now() + timedelta(hours=1))
    assert _run("publish-scheduled").endswith("0 publication(s) released from embargo.\n")
    Publication.objects.visible_to(press).filter(pk=item.pk).update(
        embargo_until=clock.now() - timedelta(minutes=1))
    said = _run("publish-scheduled")
    assert f"published {item.number}" in said
    item.refresh_from_db()
    assert item.status == Publication.Status.PUBLISHED


def test_it_finds_every_public_feed_valid(press, personas):
    published(press, personas.officer)
    said = _run("feed", "check", "--base-url", "https://press.example.org/")
    assert "valid   feed/ru/ (1 entries)" in said
    assert "valid   feed/en/press_release/" in said
    assert "BROKEN" not in said


def test_it_names_each_rule_a_broken_feed_breaks():
    broken = (b'<feed xmlns="http://www.w3.org/2005/Atom"><id>tag:x</id><title>t</title>'
              b"<updated>yesterday</updated>"
              b"<entry><id>urn:uuid:1</id><title>a</title></entry>"
              b"<entry><id>urn:uuid:1</id><title>b</title><updated>2024-01-01T00:00:00Z"
              b"</updated><content>x</content></entry></feed>")
    problems = atom_problems(broken)
    assert "feed: id 'tag:x' is not a urn:uuid name" in problems
    assert "feed: <updated> 'yesterday' is not an RFC 3339 date" in problems
    assert "feed: no xml:lang" in problems
    assert "entry 1 (urn:uuid:1): needs exactly one non-empty <updated>" in problems
    assert "entry 2 (urn:uuid:1): the id is given to an earlier entry too" in problems


def test_it_exits_with_an_error_when_a_feed_is_broken(press, personas, monkeypatch):
    published(press, personas.officer)
    monkeypatch.setattr("concord.press.management.commands.press.feed_bytes",
                        lambda **kwargs: b"<feed>")
    with pytest.raises(CommandError, match="feed"):
        _run("feed", "check")
