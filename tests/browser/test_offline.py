"""After one visit the wizard opens and answers with no request and with the network off, in both languages;
a new asset version is found on the next visit and used from the one after, never mixed with the old one
(web/sw.js, web/sw-register.js).

Each test serves its own copy of the built site with nginx, so it can take the server away (the network
off) and deploy a second version into it.
"""
from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path
from unittest import mock

import pytest
from quality.server import StaticSite  # scripts/quality, put on sys.path by tests/conftest.py
from wizard_helpers import READY_TIMEOUT_MS, open_wizard

CASE = {"province": "zhejiang", "profession": "cost_engineer", "action": "initial", "today": "2026-11-21",
        "answers": {"qualification_province": "zhejiang", "specialty": "civil",
                    "certificate_issue_date": "2025-12-01", "employer_type": "cost_consulting"}}
ROOT = Path(__file__).resolve().parents[2]
NEW_BUILD_TEXT = json.loads((ROOT / "web" / "i18n" / "en.json").read_text(encoding="utf-8"))["new_build"]
SW_STATE = """async () => {
  const regs = await navigator.serviceWorker.getRegistrations();
  const settled = regs.filter((r) => r.active && r.active.state === "activated" && !r.installing && !r.waiting);
  const versions = await Promise.all(settled.map((r) => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    r.active.postMessage("version", [channel.port2]);
    setTimeout(() => resolve(null), 2000);
  })));
  return {scopes: settled.map((r) => new URL(r.scope).pathname).sort(), versions: versions.map((v) => v && v.version),
          caches: (await caches.keys()).sort(), controlled: !!navigator.serviceWorker.controller};
}"""


@pytest.fixture
def own_site(built_site: Path, tmp_path: Path, site_server):
    """A copy of the built site and an nginx serving it (started by the test)."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("*.br", "*.gz"))
    server = StaticSite(copy)
    yield copy, server
    server.stop()


def version_of(site: Path) -> str:
    return json.loads((site / "wizard-assets" / "manifest.json").read_text(encoding="utf-8"))["version"]


def wait_for_service_worker(page, version: str) -> dict:
    """Until both registrations run this version's worker and only this version's caches are left (its files,
    and the engine's memory snapshot once one is saved)."""
    deadline = time.monotonic() + READY_TIMEOUT_MS / 1000
    while True:
        state = page.evaluate(SW_STATE)
        files = [name for name in state["caches"] if not name.startswith("wizard-snapshot-")]
        snapshots = set(state["caches"]) - set(files)
        if state["scopes"] == ["/en/wizard/", "/wizard"] and len(files) == 1 and files[0].startswith(f"wizard-{version}-") \
                and snapshots <= {f"wizard-snapshot-{version}"} and state["versions"] == [version, version]:
            return state
        if time.monotonic() > deadline:
            raise AssertionError(f"service worker of version {version} not in place: {state}")
        time.sleep(0.2)


def asset_versions(urls: list[str]) -> set[str]:
    return {m.group(1) for url in urls if (m := re.search(r"/wizard-assets/([0-9a-f]{12})/", url))}


def answer(page) -> dict:
    return page.evaluate("c => window.registrationWizard.check(c)", CASE)


def deploy_new_version(site: Path, old: str, new: str) -> None:
    """What a deploy of changed assets does to the served folder: a new version folder, pages and service
    worker pointing at it, the old folder gone."""
    (site / "wizard-assets" / old).rename(site / "wizard-assets" / new)
    manifest = site / "wizard-assets" / new / "manifest.json"
    for file in [site / "wizard" / "index.html", site / "en" / "wizard" / "index.html", site / "wizard-sw.js",
                 site / "wizard-assets" / "manifest.json", manifest]:
        file.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_after_one_visit_both_wizard_pages_answer_with_the_network_off(browser, own_site):
    site, server = own_site
    base = server.start()
    version = version_of(site)
    context = browser.new_context()
    page = context.new_page()
    try:
        open_wizard(page, base, "zh")
        wait_for_service_worker(page, version)
        server.stop()  # the network is off: nothing answers on that port any more
        context.set_offline(True)
        for lang in ("zh", "en"):
            served: list[str] = []
            page.on("response", lambda r: served.append(r.url)
                    if "/wizard-assets/" in r.url and not r.from_service_worker else None)
            open_wizard(page, base, lang)
            report = answer(page)
            assert report["verdict"], report
            assert served == [], f"{lang}: wizard files answered outside the service worker: {served}"
    finally:
        context.close()


def test_a_repeat_visit_makes_no_request_before_its_first_answer(browser, own_site):
    site, server = own_site
    base = server.start()
    context = browser.new_context()
    page = context.new_page()
    try:
        open_wizard(page, base, "zh")
        wait_for_service_worker(page, version_of(site))
        page.goto("about:blank")
        mark = server.mark()
        open_wizard(page, base, "zh")
        assert answer(page)["verdict"]
        served = [s.path for s in server.served_since(mark)]
        # The browser's own update check of the worker script (about a second after the page's last request;
        # on a slow machine it can come before the answer) is how a new build reaches the reader: allowed once per
        # registration, and the page registers the script for both language scopes (web/sw-register.js).
        others = [path for path in served if path != "/wizard-sw.js"]
        assert others == [] and served.count("/wizard-sw.js") <= 2, f"the repeat visit asked the server for {served}"
    finally:
        context.close()


def test_a_new_asset_version_is_found_on_the_next_visit_and_used_from_the_one_after(browser, own_site):
    site, server = own_site
    base = server.start()
    old = version_of(site)
    new = "0123456789ab" if old != "0123456789ab" else "ba9876543210"
    context = browser.new_context()
    page = context.new_page()
    try:
        open_wizard(page, base, "en")
        wait_for_service_worker(page, old)
        page.wait_for_selector("#wizard[data-engine-snapshot='saved']", state="attached", timeout=READY_TIMEOUT_MS)
        deploy_new_version(site, old, new)

        assets: list[str] = []
        page.on("request", lambda r: assets.append(r.url) if "/wizard-assets/" in r.url else None)
        open_wizard(page, base, "en")  # the next visit: the old build, whole, while the browser finds the new one
        assert answer(page)["verdict"]
        assert asset_versions(assets) == {old}, f"the page mixed versions: {sorted(asset_versions(assets))}"
        wait_for_service_worker(page, new)  # both scopes moved over; the old build's caches are gone, snapshot too
        # The open page says a newer build is ready (set when the new worker takes the page over).
        page.wait_for_function("t => document.querySelector('#wizard .wizard-status').textContent.startsWith(t)",
                               arg=NEW_BUILD_TEXT, timeout=10_000)

        assets.clear()
        open_wizard(page, base, "en")  # the visit after: the new build, whole
        assert answer(page)["verdict"]
        assert asset_versions(assets) == {new}, f"the page mixed versions: {sorted(asset_versions(assets))}"

        server.stop()
        context.set_offline(True)
        assets.clear()
        open_wizard(page, base, "zh")
        assert answer(page)["verdict"]
        assert asset_versions(assets) == {new}, assets
    finally:
        context.close()


TEXTS = {lang: json.loads((ROOT / "web" / "i18n" / f"{lang}.json").read_text(encoding="utf-8")) for lang in ("zh", "en")}
FILES_CACHE = "(await caches.keys()).find((name) => name.startsWith('wizard-') && !name.startsWith('wizard-snapshot-'))"
CACHED_URLS = f"async () => (await (await caches.open({FILES_CACHE})).keys()).map((r) => r.url).sort()"


def uncaught(page) -> list[str]:
    """Uncaught errors of the page and its workers, and console messages saying one was uncaught, from now on."""
    seen: list[str] = []
    page.on("pageerror", lambda error: seen.append(f"page: {error}"))
    page.on("console", lambda m: seen.append(f"console: {m.text}") if "uncaught" in m.text.lower() else None)
    page.on("worker", lambda w: w.on("console", lambda m: seen.append(f"worker: {m.text}")
                                     if "uncaught" in m.text.lower() else None))
    return seen


def delete_from_copy(page, suffixes: list[str] | None) -> list[str]:
    """Deletes the entries of the wizard's service-worker cache whose URL ends with one of ``suffixes`` (all
    when None); the URLs deleted."""
    return page.evaluate(f"""async (suffixes) => {{
      const cache = await caches.open({FILES_CACHE});
      const gone = (await cache.keys()).filter((r) => !suffixes || suffixes.some((s) => r.url.endsWith(s)));
      await Promise.all(gone.map((r) => cache.delete(r)));
      return gone.map((r) => r.url);
    }}""", suffixes)


def offline_without_http_cache(context, page, server) -> None:
    """The network off and the HTTP cache emptied: only the worker's cache is left."""
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    server.stop()
    context.set_offline(True)


def back_online(context, server, base: str) -> None:
    """The server again on the same port (the origin is what the browser's storage is kept by)."""
    with mock.patch("quality.server._free_port", return_value=int(base.rsplit(":", 1)[1])):
        assert server.start() == base
    context.set_offline(False)


def after_first_visit(page, site: Path) -> None:
    """Until the first visit's service worker is in place and its background work (the engine's snapshot, which
    loads files through the worker) is over."""
    wait_for_service_worker(page, version_of(site))
    page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)


def wait_for_copy(page, urls: list[str]) -> None:
    page.wait_for_function(f"async (urls) => JSON.stringify(await ({CACHED_URLS})()) === JSON.stringify(urls)",
                           arg=sorted(urls), timeout=READY_TIMEOUT_MS, polling=250)


def test_files_deleted_from_the_offline_copy_are_fetched_again_on_the_next_online_visit(browser, own_site):
    site, server = own_site
    base = server.start()
    context = browser.new_context()
    page = context.new_page()
    try:
        open_wizard(page, base, "zh")
        after_first_visit(page, site)
        every = page.evaluate(CACHED_URLS)
        assert sorted(delete_from_copy(page, None)) == every and page.evaluate(CACHED_URLS) == []
        open_wizard(page, base, "en")  # online: the visit answers, and the copy is whole again
        assert answer(page)["verdict"]
        wait_for_copy(page, every)

        offline_without_http_cache(context, page, server)
        for lang in ("zh", "en"):
            open_wizard(page, base, lang)
            assert answer(page)["verdict"]
    finally:
        context.close()


def test_offline_with_the_wasm_missing_the_reader_is_told_in_their_language_and_the_next_online_visit_repairs_it(
        browser, own_site):
    site, server = own_site
    base = server.start()
    context = browser.new_context()
    page = context.new_page()
    errors = uncaught(page)
    try:
        open_wizard(page, base, "zh")
        after_first_visit(page, site)
        every = page.evaluate(CACHED_URLS)
        assert len(delete_from_copy(page, ["/pyodide.asm.wasm"])) == 1
        offline_without_http_cache(context, page, server)
        for lang in ("zh", "en"):
            open_wizard(page, base, lang, wait_ready=False)
            page.wait_for_selector("#wizard[data-wizard-state=failed]", timeout=READY_TIMEOUT_MS)
            status = page.text_content("#wizard .wizard-status")
            assert status.startswith(TEXTS[lang]["file_missing"].split("{reason}")[0]), status
            assert page.is_visible("#wizard .wizard-fallback a")
            failure = page.evaluate("window.registrationWizard.check({}).catch((error) => error)")
            assert failure["error"] == "runtime_unavailable", failure
        assert errors == []

        back_online(context, server, base)
        open_wizard(page, base, "en")
        assert answer(page)["verdict"]
        wait_for_copy(page, every)
        offline_without_http_cache(context, page, server)
        open_wizard(page, base, "zh")
        assert answer(page)["verdict"]
        assert errors == []
    finally:
        context.close()


def test_a_damaged_standard_library_in_the_offline_copy_is_replaced_and_the_engine_answers(browser, own_site):
    site, server = own_site
    base = server.start()
    version = version_of(site)
    wanted = json.loads((site / "wizard-assets" / version / "manifest.json").read_text(encoding="utf-8"))[
        "files"]["pyodide/python_stdlib.zip"]["sha256"]
    context = browser.new_context()
    page = context.new_page()
    errors = uncaught(page)
    stdlib_digest = f"""async () => {{
      const response = await (await caches.open({FILES_CACHE})).match(new URL('/wizard-assets/{version}/pyodide/python_stdlib.zip', location.href).href);
      const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer());
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    }}"""
    try:
        open_wizard(page, base, "zh")
        after_first_visit(page, site)
        page.evaluate(f"""async () => {{  // the same size, one stretch of it overwritten
          const cache = await caches.open({FILES_CACHE});
          const key = (await cache.keys()).find((r) => r.url.endsWith('/python_stdlib.zip'));
          const bytes = new Uint8Array(await (await cache.match(key)).arrayBuffer());
          bytes.fill(0, 100000, 400000);
          await cache.put(key, new Response(bytes));
        }}""")
        assert page.evaluate(stdlib_digest) != wanted
        page.goto("about:blank")
        open_wizard(page, base, "en")
        report = answer(page)
        assert report["verdict"] and "findings" in report, report
        assert page.evaluate(stdlib_digest) == wanted, "the damaged copy was replaced"
        offline_without_http_cache(context, page, server)
        open_wizard(page, base, "zh")
        assert answer(page)["verdict"]
        assert errors == []
    finally:
        context.close()


NO_SERVICE_WORKER = {
    "no service worker API": ({}, "delete Navigator.prototype.serviceWorker;"),
    "service workers blocked": ({"service_workers": "block"}, None),
}


@pytest.mark.parametrize("way", list(NO_SERVICE_WORKER))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_a_service_worker_the_wizard_answers_and_says_it_keeps_no_offline_copy(browser, site_url, way, lang):
    options, script = NO_SERVICE_WORKER[way]
    context = browser.new_context(**options)
    if script:
        context.add_init_script(script)
    page = context.new_page()
    errors = uncaught(page)
    try:
        open_wizard(page, site_url, lang)
        assert answer(page)["verdict"]
        page.wait_for_selector("#wizard[data-offline]", state="attached", timeout=READY_TIMEOUT_MS)
        assert page.get_attribute("#wizard", "data-offline") == "unavailable"
        assert page.text_content("#wizard .wizard-offline-note") == TEXTS[lang]["no_offline_copy"]
        assert errors == []
    finally:
        context.close()


def test_with_a_service_worker_the_page_says_nothing_about_a_missing_offline_copy(page, site_url):
    open_wizard(page, site_url, "en")
    page.wait_for_selector("#wizard[data-offline]", state="attached", timeout=READY_TIMEOUT_MS)
    assert page.get_attribute("#wizard", "data-offline") == "kept"
    assert page.query_selector("#wizard .wizard-offline-note") is None
