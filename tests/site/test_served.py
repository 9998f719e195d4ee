"""How nginx with deploy/nginx/site.conf serves the built site: precompressed files that match their source,
brotli or gzip by what the browser accepts, a year's cache for versioned wizard assets and none for HTML."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest


def get(url: str, encoding: str = "") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def version(built_site: Path) -> str:
    return json.loads((built_site / "wizard-assets" / "manifest.json").read_text(encoding="utf-8"))["version"]


def test_every_precompressed_file_holds_its_source_file(built_site: Path):
    checked = 0
    for packed in sorted(built_site.rglob("*")):
        if packed.suffix not in (".gz", ".br") or not packed.with_suffix("").is_file():
            continue
        data = packed.read_bytes()
        unpacked = gzip.decompress(data) if packed.suffix == ".gz" else brotli.decompress(data)
        assert unpacked == packed.with_suffix("").read_bytes(), f"{packed.relative_to(built_site)} is stale"
        checked += 1
    assert checked > 100
    for page in ("index.html", "en/wizard/index.html"):
        assert (built_site / (page + ".br")).exists() and (built_site / (page + ".gz")).exists()


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_html_is_compressed_as_the_browser_accepts_and_never_cached(site_url, encoding):
    status, headers, body = get(site_url + "/en/wizard/", f"{encoding}")
    assert status == 200 and headers["Content-Encoding"] == encoding
    assert headers["Cache-Control"] == "no-cache" and "Accept-Encoding" in headers.get("Vary", "")
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_the_runtime_is_served_as_wasm_with_a_years_cache(site_url, version):
    status, headers, body = get(f"{site_url}/wizard-assets/{version}/pyodide/pyodide.asm.wasm", "gzip, br")
    assert status == 200 and headers["Content-Type"] == "application/wasm"
    assert headers["Content-Encoding"] == "br"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert brotli.decompress(body)[:4] == b"\0asm"


def test_the_service_worker_and_the_current_manifest_are_revalidated(site_url, version):
    for path in ("/wizard-sw.js", "/wizard-assets/manifest.json"):
        status, headers, body = get(site_url + path)
        assert status == 200 and headers["Cache-Control"] == "no-cache", path
    assert json.loads(get(site_url + "/wizard-assets/manifest.json")[2])["version"] == version
    assert version.encode() in get(site_url + "/wizard-sw.js")[2]


def test_a_missing_page_gets_the_sites_404_page(site_url):
    status, headers, body = get(site_url + "/no/such/page/")
    assert status == 404 and b"<html" in body.lower()


def test_a_script_that_exits_without_stopping_the_server_leaves_no_nginx_running(built_site: Path):
    program = ("import sys; sys.path.insert(0, 'scripts'); from pathlib import Path; "
               "from quality.server import StaticSite; s = StaticSite(Path(sys.argv[1])); s.start(); "
               "print(s._process.pid); raise SystemExit(3)")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", program, str(built_site)], capture_output=True, text=True, cwd=root)
    assert done.returncode == 3, done.stderr[-1000:]
    pid = int(done.stdout.strip())
    assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
