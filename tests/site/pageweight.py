"""Page weight of built pages: decoded bytes and request count of one cold page load in Chromium.

Also builds a *vanilla* Material site (one lorem page, the theme settings of our mkdocs.yml, no custom_dir,
hooks, extra CSS or i18n) to compare against. Run it directly for a table:

    .venv/bin/python tests/site/pageweight.py            # uses site/ (run `make build` first)
"""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
    "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex "
    "ea commodo consequat.\n\n"
)


def build_vanilla_site(workdir: Path) -> Path:
    """A one-page Material site with the same theme settings as ours; returns its site dir."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        ours = yaml_load(handle)
    theme = {k: v for k, v in ours["theme"].items() if k not in ("custom_dir", "favicon")}
    config = {"site_name": "Vanilla", "theme": theme, "plugins": ["search"], "docs_dir": "docs"}
    (workdir / "docs").mkdir(parents=True, exist_ok=True)
    (workdir / "docs" / "index.md").write_text("# Lorem ipsum\n\n" + LOREM * 6, encoding="utf-8")
    (workdir / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(workdir / "site")],
        cwd=workdir, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return workdir / "site"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve `directory` on a free loopback port; returns (base_url, server)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def measure(browser, url: str, settle_ms: int = 1500) -> dict:
    """Decoded bytes and requests of one cold load of `url` (fresh context, no cache), after the page settles."""
    context = browser.new_context()
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(settle_ms)
    total, rows = 0, []
    for request in finished:
        try:
            size = len(request.response().body())
        except Exception:  # worker-initiated responses may not expose a body; fall back to the wire size
            size = request.sizes()["responseBodySize"]
        total += size
        rows.append((size, request.url))
    context.close()
    return {"bytes": total, "requests": len(finished), "detail": sorted(rows, reverse=True)}


def pick_pages(site: Path) -> dict[str, str]:
    """A guide page without a diagram and one with a diagram (zh), by URL path."""
    candidates = ["zhejiang/personnel-form", "zhejiang/contacts", "jiangsu/contacts", "jiangsu/employer-setup",
                  "zhejiang/exam", "jiangsu/realname"]
    picked = {}
    for rel in candidates:
        page = site / rel / "index.html"
        if page.is_file() and "swimlane" not in page.read_text(encoding="utf-8") and "guide" not in picked:
            picked["guide"] = f"/{rel}/"
    for page in sorted(site.glob("*/*/index.html")):
        if page.parts[-3] in ("en", "assets", "search"):
            continue
        if 'class="swimlane"' in page.read_text(encoding="utf-8"):
            picked["diagram"] = "/" + page.parent.relative_to(site).as_posix() + "/"
            break
    return picked


def main() -> None:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS

    site = ROOT / "site"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        vanilla = build_vanilla_site(Path(tmp))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ours_url, ours_server = serve(site)
        vanilla_url, vanilla_server = serve(vanilla)
        rows = [("vanilla Material (lorem)", measure(browser, vanilla_url + "/"))]
        for kind, path in pick_pages(site).items():
            rows.append((f"{kind} {path}", measure(browser, ours_url + path)))
            rows.append((f"{kind} /en{path}", measure(browser, ours_url + "/en" + path)))
        base = rows[0][1]["bytes"]
        print(f"| page | decoded bytes | requests | × vanilla |\n|---|---:|---:|---:|")
        for name, m in rows:
            print(f"| {name} | {m['bytes']:,} | {m['requests']} | {m['bytes'] / base:.2f} |")
        if "-v" in sys.argv:
            for name, m in rows:
                print(f"\n{name}")
                for size, url in m["detail"]:
                    print(f"  {size:>9,}  {url}")
        ours_server.shutdown()
        vanilla_server.shutdown()
        browser.close()


if __name__ == "__main__":
    main()
