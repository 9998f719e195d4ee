#!/usr/bin/env python3
"""Lighthouse (npm, pinned in package.json) on the built site in both languages: the four category scores
per page and the ids of the audits that keep a score below 1.

    make build
    .venv/bin/python scripts/lighthouse.py                 # home, a procedure, a FAQ and the wizard, zh + en
    .venv/bin/python scripts/lighthouse.py --pages faq     # one page type

Mobile preset (Lighthouse's default: simulated slow 4G and a 4x CPU slowdown), Debian's Chromium through
CHROME_PATH, the site served on loopback by nginx with the deployed config (scripts/quality/server.py:
precompressed brotli and gzip, the cache lifetimes of deploy/nginx/site.conf).
Reports go to bench-results/lighthouse/<page>-<lang>.json; a Markdown table is written to
bench-results/lighthouse/latest.md. Targets: accessibility, best practices and SEO 1.00 on every page;
performance >= 0.95 on guide pages and >= 0.90 on the wizard. The exit status is 0 whatever the scores
(it is a measurement; the pass/fail gates are the tests in tests/quality/).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from quality.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from quality.server import StaticSite  # noqa: E402

CHROME_FLAGS = " ".join(CHROMIUM_ARGS)
PAGES = {"home": "", "procedure": "jiangsu/renewal/", "faq": "zhejiang/faq/", "wizard": "wizard/"}
LANGUAGES = {"zh": "/", "en": "/en/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS: dict[str, float | dict[str, float]] = {"performance": {"guide": 0.95, "wizard": 0.90}, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def target(category: str, kind: str) -> float:
    value = TARGETS[category]
    return value[("wizard" if kind == "wizard" else "guide")] if isinstance(value, dict) else value


def failing_audits(report: dict, category: str) -> list[str]:
    """Audits of a category that Lighthouse itself shows as not passed (score below 0.9, or 0 for binary)."""
    ids = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"].get(ref["id"], {})
        score, mode = audit.get("score"), audit.get("scoreDisplayMode")
        if score is None or mode in ("notApplicable", "informative", "manual"):
            continue
        if (mode == "binary" and score < 1) or score < 0.9:
            ids.append(ref["id"])
    return ids


def run_lighthouse(url: str, out: Path, timeout: int) -> dict:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit("node_modules/.bin/lighthouse missing: run `npm ci`")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)}
    command = [str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode or not out.exists():
        raise RuntimeError(f"lighthouse failed on {url}: {proc.stderr.strip()[-800:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated: " + ",".join(PAGES))
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--out", default=str(ROOT / "bench-results" / "lighthouse"))
    parser.add_argument("--timeout", type=int, default=240, help="seconds per Lighthouse run")
    args = parser.parse_args(argv)

    site = Path(args.site)
    if not (site / "index.html").exists():
        sys.exit(f"no built site in {site}: run `make build` first")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    server = StaticSite(site)
    base = server.start()
    rows = []
    try:
        for lang in args.languages.split(","):
            for kind in args.pages.split(","):
                path = LANGUAGES[lang] + PAGES[kind]
                url = base + path
                print(f"lighthouse {path} ...", flush=True)
                try:
                    report = run_lighthouse(url, out / f"{kind}-{lang}.json", args.timeout)
                except (RuntimeError, subprocess.TimeoutExpired) as exc:
                    print(f"  {exc}")
                    rows.append({"page": path, "kind": kind, "error": str(exc)[:300]})
                    continue
                scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
                failing = {c: failing_audits(report, c) for c in CATEGORIES}
                metric_ids = {r["id"] for r in report["categories"]["performance"]["auditRefs"] if r.get("group") == "metrics"}
                rows.append({"page": path, "kind": kind, "scores": scores, "failing": failing,
                             "metrics_failing": [a for a in failing["performance"] if a in metric_ids],
                             "warnings": report.get("runWarnings", [])})
                print("  " + "  ".join(f"{c} {scores[c]:.2f}" for c in CATEGORIES))
                for c in CATEGORIES:
                    if failing[c]:
                        print(f"    {c} failing: {', '.join(failing[c])}")
    finally:
        server.stop()

    lines = ["| Page | Performance | Accessibility | Best practices | SEO | Failing audits |",
             "|---|---|---|---|---|---|"]
    for row in rows:
        if "error" in row:
            lines.append(f"| `{row['page']}` | error: {row['error'][:80]} | | | | |")
            continue
        cells = []
        for c in CATEGORIES:
            score, goal = row["scores"][c], target(c, row["kind"])
            cells.append(f"{score:.2f}" if score is not None and score >= goal else f"**{score}** (< {goal:.2f})")
        fails = "; ".join(f"{c}: {', '.join(ids)}" for c, ids in row["failing"].items() if ids and c != "performance")
        metrics = row.get("metrics_failing") or []
        fails = "; ".join(x for x in [("performance metrics: " + ", ".join(metrics)) if metrics else "", fails] if x) or "none"
        lines.append(f"| `{row['page']}` | " + " | ".join(cells) + f" | {fails} |")
    table = "\n".join(lines) + "\n"
    (out / "latest.md").write_text(table, encoding="utf-8")
    (out / "latest.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    print()
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
