"""After a first visit the engine starts from a memory snapshot made on the reader's device (web/engine-snapshot.js,
web/worker.js), answers as the command line does, and a snapshot that does not restore costs one usual start.

Each test serves its own copy of the built site with nginx (the fixture of test_offline.py).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from test_offline import own_site, version_of, wait_for_service_worker  # noqa: F401  (own_site: a fixture)
from wizard_helpers import READY_TIMEOUT_MS, cli_reference, open_wizard

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "engine"))
from table import input_bytes, load_cases  # noqa: E402

sys.path.pop(0)

VALID, INVALID = load_cases()
FAILED_KEY = "wizard-engine-snapshot-failed"  # web/engine-snapshot.js
SAMPLES = [VALID[0], VALID[len(VALID) // 2], VALID[-1], INVALID[0]]
START = "window.registrationWizard.ready.then((info) => info.start)"


@pytest.fixture
def after_first_visit(browser, own_site):  # noqa: F811  (own_site is the imported fixture)
    """(page, site URL, asset version) after a first visit of /wizard/ that saved the engine's snapshot."""
    site, server = own_site
    base = server.start()
    version = version_of(site)
    context = browser.new_context()
    page = context.new_page()
    try:
        open_wizard(page, base, "zh")
        wait_for_service_worker(page, version)
        page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
        assert page.get_attribute("#wizard", "data-engine-snapshot") == "saved"
        assert f"wizard-snapshot-{version}" in page.evaluate("caches.keys()")
        assert page.evaluate(START) == "fresh"
        yield page, base, version
    finally:
        context.close()


def answers_match_the_command_line(page) -> None:
    for entry in SAMPLES:
        code, expected = cli_reference(input_bytes(entry))
        got = page.evaluate("""async (text) => { try { return [0, await window.registrationWizard.check(JSON.parse(text))]; }
                                                 catch (error) { return [2, error]; } }""", input_bytes(entry).decode("utf-8"))
        assert got == [code, expected], entry["name"]


def test_after_a_first_visit_the_engine_starts_from_its_snapshot_in_both_languages_and_answers_as_the_cli(
        after_first_visit):
    page, base, _ = after_first_visit
    workers: list[str] = []
    page.on("worker", lambda w: workers.append(w.url.rsplit("/", 1)[-1]))
    for lang in ("en", "zh"):
        workers.clear()
        page.goto("about:blank")
        open_wizard(page, base, lang)
        assert page.evaluate(START) == "snapshot", lang
        answers_match_the_command_line(page)
        page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
        assert page.get_attribute("#wizard", "data-engine-snapshot") == "used"
        assert workers.count("worker.js") == 1, f"{lang}: no second engine worker on a visit that used the snapshot"


# What a broken snapshot looks like from the page: too small for the runtime's memory (the .wasm cannot be
# instantiated), or the right header over scrambled memory (the restore traps).
BREAK_SNAPSHOT = {
    "too small": "(bytes) => new Uint8Array(1024)",
    "scrambled": "(bytes) => { bytes.fill(9, 4096); return bytes; }",
}


@pytest.mark.parametrize("damage", list(BREAK_SNAPSHOT))
def test_a_snapshot_that_does_not_restore_is_deleted_and_the_engine_starts_the_usual_way(after_first_visit, damage):
    page, base, version = after_first_visit
    page.evaluate("""async ([name, damage]) => {
      const cache = await caches.open(name);
      const [key] = await cache.keys();
      const bytes = new Uint8Array(await (await cache.match(key)).arrayBuffer());
      await cache.put(key, new Response((eval(damage))(bytes)));
    }""", [f"wizard-snapshot-{version}", BREAK_SNAPSHOT[damage]])

    workers: list[str] = []
    page.on("worker", lambda w: workers.append(w.url.rsplit("/", 1)[-1]))
    page.goto("about:blank")
    open_wizard(page, base, "en")
    assert page.evaluate(START) == "fresh-after-bad-snapshot"
    answers_match_the_command_line(page)
    page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
    assert page.get_attribute("#wizard", "data-engine-snapshot") == "failed-before"
    assert f"wizard-snapshot-{version}" not in page.evaluate("caches.keys()")

    page.goto("about:blank")  # and the version is not tried again
    open_wizard(page, base, "zh")
    assert page.evaluate(START) == "fresh"
    page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
    assert page.get_attribute("#wizard", "data-engine-snapshot") == "failed-before"
    assert workers.count("worker.js") == 2, f"one engine worker per visit, no snapshot worker: {workers}"


def test_a_snapshot_restore_that_never_finishes_is_stopped_deleted_and_the_engine_starts_the_usual_way(after_first_visit):
    page, base, version = after_first_visit
    hanging = page.context.new_page()  # the hook lives in this page only: the next visit's restore is not made to hang
    hanging.add_init_script("window.wizardTestHooks = { restore: 'hang', restoreTimeout: 2000 };")
    workers: list[str] = []
    hanging.on("worker", lambda w: workers.append(w.url.rsplit("/", 1)[-1]))
    open_wizard(hanging, base, "en")
    assert hanging.evaluate(START) == "fresh-after-bad-snapshot"
    answers_match_the_command_line(hanging)
    hanging.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
    assert hanging.get_attribute("#wizard", "data-engine-snapshot") == "failed-before"
    assert f"wizard-snapshot-{version}" not in hanging.evaluate("caches.keys()")
    assert workers.count("worker.js") == 2, f"the hung worker, then one started without the snapshot: {workers}"
    hanging.close()

    workers.clear()
    page.on("worker", lambda w: workers.append(w.url.rsplit("/", 1)[-1]))
    page.goto("about:blank")
    open_wizard(page, base, "zh")
    assert page.evaluate(START) == "fresh"
    page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
    assert page.get_attribute("#wizard", "data-engine-snapshot") == "failed-before"
    assert workers.count("worker.js") == 1, f"no snapshot is made again for the version: {workers}"


def test_a_storage_too_full_for_the_snapshot_costs_one_engine_a_visit_and_says_the_snapshot_is_not_kept(after_first_visit):
    page, base, version = after_first_visit
    # The snapshot gone, and Chromium's own quota for the origin set to what is stored now and 6 MB more: room
    # for the offline copy, not for a 21 MB snapshot besides it, so the page's Cache put rejects with
    # QuotaExceededError on the next visit, which makes one.
    usage = page.evaluate(f"""async () => {{
      await caches.delete('wizard-snapshot-{version}');
      return (await navigator.storage.estimate()).usage;
    }}""")
    page.context.new_cdp_session(page).send("Storage.overrideQuotaForOrigin",
                                            {"origin": base, "quotaSize": usage + 6 * 1024 * 1024})
    workers: list[str] = []
    page.on("worker", lambda w: workers.append(w.url.rsplit("/", 1)[-1]))
    page.goto("about:blank")
    open_wizard(page, base, "zh")
    assert page.evaluate(START) == "fresh"
    page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
    assert page.get_attribute("#wizard", "data-engine-snapshot") == "not-kept"
    assert f"wizard-snapshot-{version}" not in page.evaluate("caches.keys()")
    assert json.loads(page.evaluate(f"localStorage.getItem('{FAILED_KEY}')")) == {"version": version, "outcome": "not-kept"}
    assert workers.count("worker.js") == 2, f"the engine and one snapshot worker: {workers}"

    for lang in ("en", "zh"):
        workers.clear()
        page.goto("about:blank")
        open_wizard(page, base, lang)
        assert page.evaluate(START) == "fresh"
        answers_match_the_command_line(page)
        page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
        assert page.get_attribute("#wizard", "data-engine-snapshot") == "not-kept"
        assert workers.count("worker.js") == 1, f"{lang}: one engine, no second try at the snapshot: {workers}"
