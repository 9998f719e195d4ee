"""axe-core (npm, pinned) finds no violation on any built page, in either language, nor on the wizard's
result in light and dark colour schemes; the wizard can be completed with the keyboard alone, with a
visible focus indicator on every stop.

axe runs its default rule set (WCAG 2.x A and AA plus best practices). Each violation is reported with its
rule id, the page and the CSS targets of the first offending nodes.
"""
from __future__ import annotations

import pytest

from quality_helpers import RESULT_FRAGMENT, WIZARD, open_wizard, run_axe, wait_for_result


def describe(found: dict[str, list[dict]]) -> str:
    """One line per violation (rule id and targets), with the pages it occurs on."""
    grouped: dict[tuple, list[str]] = {}
    details: dict[tuple, dict] = {}
    for where, violations in found.items():
        for v in violations:
            key = (v["id"], "; ".join(v["targets"]))
            grouped.setdefault(key, []).append(where)
            details[key] = v
    lines = []
    for key, pages in grouped.items():
        v = details[key]
        shown = ", ".join(pages[:4]) + (f" and {len(pages) - 4} more" if len(pages) > 4 else "")
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']}\n    targets: {key[1]}\n"
                     f"    {v['summary'][:200]}\n    on {len(pages)} page(s): {shown}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_axe_finds_no_violation_on_any_built_page(browser, site_url, pages_of_site, lang):
    pages = [p for p in pages_of_site if p.startswith("/en/") == (lang == "en")]
    context = browser.new_context()
    page = context.new_page()
    found: dict[str, list[dict]] = {}
    try:
        for path in pages:
            page.goto(site_url + path, wait_until="load")
            if path in WIZARD.values():
                page.wait_for_selector("#wizard[data-form-ready]", state="attached", timeout=90_000)
            violations = run_axe(page)
            if violations:
                found[path] = violations
    finally:
        context.close()
    assert pages, "no pages found"
    assert not found, f"axe violations on {len(found)} of {len(pages)} pages ({lang}):\n" + describe(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_axe_finds_no_violation_on_the_wizard_result(browser, site_url, lang, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        open_wizard(page, site_url, lang, RESULT_FRAGMENT)
        wait_for_result(page)
        for summary in page.query_selector_all("#wizard .wizard-how summary"):
            summary.click()  # the "how was this computed" details are part of the result
        violations = run_axe(page)
    finally:
        context.close()
    assert not violations, describe({f"{WIZARD[lang]} result ({scheme})": violations})


# The focused element shows focus if it (or, for a visually hidden input, its label) has an outline or a
# ring, or if its look changes with focus (Material marks some links by colour/background): the style is
# compared with the element blurred for a moment (after transitions settle), then focus is restored.
FOCUS_STYLE = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const targets = [el, ...(el.id ? document.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`) : [])];
  const ring = (n) => { const s = getComputedStyle(n);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1) || (s.boxShadow && s.boxShadow !== "none"); };
  const look = (n) => { const s = getComputedStyle(n);
    return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor, s.color, s.borderColor,
            s.textDecorationLine].join("|"); };
  const settle = () => new Promise((r) => setTimeout(r, 300));
  await settle();
  const focused = targets.map(look);
  const hasRing = targets.some(ring);
  let changed = false;
  if (!hasRing) {
    el.blur(); await settle();
    changed = targets.map(look).some((v, i) => v !== focused[i]);
    el.focus({preventScroll: true}); await settle();
  }
  const style = getComputedStyle(el);
  return {tag: el.tagName.toLowerCase(), id: el.id, name: el.name || "", type: el.type || "",
          text: (el.textContent || "").trim().slice(0, 40), inWizard: !!el.closest("#wizard"),
          visible: hasRing || changed, outline: style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor};
}"""


def tab_to(page, selector: str, stops: list, limit: int = 80) -> None:
    """Press Tab until `selector` has focus, recording every focus stop on the way."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS_STYLE))
    pytest.fail(f"Tab never reached {selector}; stops: {[s and (s['tag'] + '#' + s['id']) for s in stops[-10:]]}")


def arrow_select(page, value: str) -> None:
    """Change the focused <select> with the arrow keys until it shows `value`."""
    for key in ["ArrowDown"] * 12 + ["ArrowUp"] * 24:
        if page.evaluate("() => document.activeElement.value") == value:
            return
        page.keyboard.press(key)
    pytest.fail(f"arrow keys never reached {value!r} in {page.evaluate('() => document.activeElement.id')}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_wizard_can_be_completed_with_the_keyboard_alone_with_visible_focus(browser, site_url, lang):
    context = browser.new_context()
    page = context.new_page()
    stops: list = []
    try:
        open_wizard(page, site_url, lang)
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        # Case: Jiangsu, second-class constructor, renewal; then its one required question, by keys only.
        tab_to(page, "#q-province", stops)
        arrow_select(page, "jiangsu")
        tab_to(page, "#q-profession", stops)
        arrow_select(page, "constructor")
        tab_to(page, "#q-action", stops)
        arrow_select(page, "renewal")
        tab_to(page, "input[name=r-realname_l4]", stops)
        page.keyboard.press("Space")  # the first radio of the group: "yes"
        if not page.evaluate("() => document.querySelector('#q-realname_l4-true').checked"):
            page.keyboard.press("ArrowUp")
        verdict = wait_for_result(page)
        assert verdict in ("eligible", "action_needed", "not_eligible")
        # Keep going through the result: links and buttons are reachable and show focus too.
        for _ in range(12):
            page.keyboard.press("Tab")
            stops.append(page.evaluate(FOCUS_STYLE))
        stops.append(None)
        page.keyboard.press("Shift+Tab")
        summary_button = page.query_selector("#wizard .wizard-actions button")
        assert summary_button is not None, "the result has no action buttons"
    finally:
        context.close()

    in_wizard = [s for s in stops if s and s["inWizard"]]
    assert len(in_wizard) >= 4, f"too few focus stops inside the wizard: {in_wizard}"
    # The wizard's own controls and result (the site header's controls are Material's and axe-checked).
    invisible = [s for s in in_wizard if not s["visible"]]
    assert not invisible, "wizard focus stops without a visible indicator (outline, ring or style change):\n" + "\n".join(
        f"  <{s['tag']} id={s['id']!r} name={s['name']!r}> {s['text']!r}: outline {s['outline']}" for s in invisible)
