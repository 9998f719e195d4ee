"""Page weight of built pages: decoded bytes and request count of one cold page load in Chromium.

The peer is the vanilla Material site of scripts/quality/vanilla.py; both are served by the tests' nginx
(scripts/quality/server.py). Run it directly for a table:

    .venv/bin/python tests/site/pageweight.py            # uses site/ (run `make build` first)
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from quality.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from quality.server import StaticSite  # noqa: E402
from quality.vanilla import build_vanilla  # noqa: E402
from quality import targets  # noqa: E402,F401  (the targets file, scripts/quality/targets.toml)

sys.path.remove(str(ROOT / "scripts"))


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

    site = ROOT / "site"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright, \
            StaticSite(site) as ours_server, StaticSite(build_vanilla(Path(tmp))) as vanilla_server:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ours_url, vanilla_url = ours_server.base, vanilla_server.base
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
        browser.close()


if __name__ == "__main__":
    main()
