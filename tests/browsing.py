"""What every browser walk checks on a page, in the words a user would use: is there English on
a Russian page, is a badge readable, does the page scroll sideways on a phone, does a date field
hold a date the browser accepts. The fixture that opens Debian's chromium is in conftest.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PASSWORD = "demo-password-for-the-browser"
PHONE = {"width": 390, "height": 844}

# Words that are the same in every language: names of formats, standards and the system.
NOT_ENGLISH = frozenset({
    "ACLED", "API", "CAP", "CSTO", "CSV", "DOCX", "GeoJSON", "JSON", "PDF", "XLSX", "XML",
    "Concord", "OpenAPI", "Akoma", "Ntoso", "iCalendar", "TOTP", "UTC", "HTML", "SHA",
    "Ed25519", "OpenStreetMap", "Leaflet", "MGRS", "ODKB", "ОДКБ", "ICS", "URL", "HTTP", "HTTPS", "AKN",
})

_VISIBLE_TEXT = """
() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.trim();
    if (!text) continue;
    const element = node.parentElement;
    if (!element || element.closest('script,style,code,kbd,pre,[translate=no],[lang]:not(html)'))
      continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    if (!element.getClientRects().length) continue;
    out.push(text);
  }
  for (const input of document.querySelectorAll('input[placeholder],textarea[placeholder]'))
    if (input.getClientRects().length) out.push(input.placeholder);
  for (const button of document.querySelectorAll('input[type=submit],input[type=button]'))
    if (button.getClientRects().length) out.push(button.value);
  return out;
}
"""

_LOW_CONTRAST = """
(selector) => {
  const parse = (value) => {
    const m = value.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const parts = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
  };
  const luminance = (c) => {
    const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const failures = [];
  for (const element of document.querySelectorAll(selector)) {
    if (!element.getClientRects().length || !element.textContent.trim()) continue;
    const style = getComputedStyle(element);
    const fg = parse(style.color), bg = background(element);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) failures.push(`${element.textContent.trim().slice(0, 40)}: ${ratio.toFixed(2)}`);
  }
  return failures;
}
"""


def english_on_page(page: Any, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The visible phrases of a Russian page written in English (two Latin words or one long
    one, none of them a format's or the system's name, nor a name the data itself holds)."""
    found = []
    for text in page.evaluate(_VISIBLE_TEXT):
        # Russian text, or a code such as a document's symbol (CSC/PLN/2011/01/1), is not English.
        if re.search(r"[А-Яа-яЁё]", text) or re.fullmatch(r"[A-Z0-9/.\-–\s]+", text):
            continue
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text)
                 if w not in NOT_ENGLISH and w not in allowed]
        if len(words) >= 2 or any(len(w) >= 6 for w in words):
            found.append(text)
    return found


def low_contrast(page: Any, selector: str = ".badge, .btn, .alert, .nav-link, th, td, a") -> list[str]:
    """Elements whose text does not meet WCAG AA contrast against the background behind it."""
    return list(page.evaluate(_LOW_CONTRAST, selector))


def sideways_scroll(page: Any) -> int:
    """How many pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return int(page.evaluate(
        "() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"))


def non_iso_dates(page: Any) -> list[str]:
    """Date inputs whose value the browser rejected or that the server wrote in a local form:
    the markup's value attribute must be an ISO date for <input type=date> to show it."""
    return list(page.evaluate("""() => [...document.querySelectorAll('input[type=date]')]
        .filter(i => (i.getAttribute('value') || '') !== ''
                     && !/^\\d{4}-\\d{2}-\\d{2}$/.test(i.getAttribute('value')))
        .map(i => `${i.name}=${i.getAttribute('value')}`)"""))


def sign_in(page: Any, live_server: Any, username: str, *, enrol: bool = False) -> None:
    """Signs a demo person in; `enrol` answers the second-factor enrolment confidential
    roles get on their first sign-in."""
    import pyotp  # noqa: PLC0415 - only browser runs need it

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    if enrol:
        page.wait_for_url(f"{live_server.url}/accounts/login/enrol/")
        secret = page.locator("#totp-secret").inner_text().strip()
        page.fill("input[name=code]", pyotp.TOTP(secret).now())
        page.click("form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/dashboard/")


def screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
