"""The maps are named regions a screen reader can enter: each draws interactive shapes, zoom
buttons and pop-ups into its element, which `role="img"` would hide as one picture."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "concord"
# An element a map script draws into: it names the world's topology it draws from.
MAP = re.compile(r"<div\b[^>]*\bdata-topology-url=[^>]*>")


def test_every_map_is_a_named_region_not_an_image():
    maps = [(path.relative_to(ROOT), tag) for path in ROOT.glob("*/templates/**/*.html")
            for tag in MAP.findall(path.read_text(encoding="utf-8"))]

    assert len(maps) >= 5, maps  # the situation, the exercises (two), the units, a crisis case
    for path, tag in maps:
        assert 'role="region"' in tag, path
        assert re.search(r'aria-label="[^"]+"', tag), path
