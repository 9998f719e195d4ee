"""The `python -m staff` command line: argparse subcommands in plain words (English, with the Chinese terms)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

DESCRIPTION = """\
Tools for staff who keep the guide true (网站维护工具).
Run them from the repository folder, e.g.:  .venv/bin/python -m staff check

  check      check every page and data file; says file, line and how to fix (内容检查)
  outdated   English pages older than their Chinese page (需要更新的英文译文)
  new-page   create a new page in both languages (新建页面，中英文各一份)
  statements write STATEMENTS.md, what each wizard text rests on (向导文字的依据表)
  outcomes   what your change does to applicants: run the test cases before and after (规则变更对案例结论的影响)
  typography Chinese typography of the pages and page words, with AutoCorrect (中文排版检查)

Use "python -m staff COMMAND --help" for the details of one command. CONTRIBUTING.md explains the workflow.
"""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m staff", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="repository folder to work on (default: the one this script is in)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "check", formatter_class=argparse.RawDescriptionHelpFormatter,
        help="check every page and data file (内容检查)",
        description="""\
Check every page and data file, and say for each problem the file, the line and the fix (内容检查).

Pages (docs/**.md):
  - every page exists in Chinese (x.md) and English (x.en.md) (中英文页面齐全);
  - front matter has title, description, source, source_section and checked (核对日期, not in the future);
  - anchors like { #faq-3 } are the same in both languages; FAQ anchors run faq-1, faq-2, … (常见问题编号);
  - every link to another page or section (#anchor) leads somewhere, in both languages (链接与锚点);
  - terms (术语): no English page uses a wording that the glossary (docs/glossary.en.md) lists under
    **Avoid:** (the message names the glossary's term), and no Chinese page puts English words in brackets
    inside a Chinese sentence (英文检索词写在页首 tags 中);
Engine data (wizard/data):
  - every rule id in rules.json links to a section that exists in both languages;
  - every rule value in parameters/**.json has a reference (依据) and an effective date (生效日期), dates ascending;
  - every holidays/<year>.json is valid: year, dates inside it, known festival names, reference,
    no day both a holiday (放假) and a make-up workday (调休上班);
  - questions.json, checklists.json and procedures/<province>.json have their shape (wizard/schemas/) and name
    what exists: questions of the province, rules (规则), rule values, professions, checklist words (清单文字),
    guide sections in both languages;
Tests: every case table tests/cases/*.json can be read.

Exit status: 0 when everything passes, 1 when anything fails.""")
    check.add_argument("--today", type=_date, help="treat this date as today (YYYY-MM-DD); default: the real date")

    commands.add_parser(
        "outdated", help="English pages older than their Chinese page (需要更新的英文译文)",
        description="List pages whose Chinese version changed (by git history) after its English version, "
                    "with the dates and the commit messages since (英文译文落后于中文页面的列表). "
                    "Uncommitted Chinese edits are listed too.")

    new_page = commands.add_parser(
        "new-page", help="create a new page in both languages (新建页面)",
        description="Create docs/PATH.md (Chinese) and docs/PATH.en.md (English) with the front matter filled in "
                    "(checked = today). Fill in the TODO lines, then add the page's path to `nav:` in mkdocs.yml.",
        epilog='Example: python -m staff new-page jiangsu/appeal --title-zh "申诉" --title-en "Appeal" --source js-notice')
    new_page.add_argument("path", metavar="PATH", help="page path under docs/ without .md, e.g. jiangsu/appeal")
    new_page.add_argument("--title-zh", required=True, help="Chinese title (中文标题)")
    new_page.add_argument("--title-en", required=True, help="English title (英文标题)")
    new_page.add_argument("--source", default="none",
                          choices=["zj-notice", "js-notice", "zj-notice, js-notice", "none"],
                          help="which notice the page is based on (default: none)")
    new_page.add_argument("--description-zh", help="one-sentence Chinese description (中文简介)")
    new_page.add_argument("--description-en", help="one-sentence English description")
    new_page.add_argument("--section-zh", help="where in the notice, in Chinese, e.g. 二（二）3 (通知章节)")
    new_page.add_argument("--section-en", help="where in the notice, in English")

    outcomes = commands.add_parser(
        "outcomes", help="what a change does to applicants: cases before and after (案例结论对比)",
        description="Run the engine's test cases (tests/cases/*.json) with the engine and data of BASE (a git "
                    "revision such as origin/main) and with your working copy, and list every case whose verdict "
                    "(结论), findings (检查结果) or dates (日期) changed, before and after. Cases from your working copy "
                    "are also run on BASE's engine, so a changed rule value shows even if you updated the expected "
                    "values. Review this list before asking for a merge.",
        epilog="Example: python -m staff outcomes origin/main --format text")
    outcomes.add_argument("base", metavar="BASE", help="git revision to compare with, e.g. origin/main or main")
    outcomes.add_argument("--format", choices=["markdown", "text"], default="markdown",
                          help="markdown (for the CI job summary, default) or text")
    typography = commands.add_parser(
        "typography", help="Chinese typography of the pages and page words (中文排版检查)",
        description="Lint docs/ and site_words/ with AutoCorrect (npm autocorrect-node): a space between Chinese "
                    "and Latin letters or digits, full-width punctuation in Chinese sentences, no full-width "
                    "punctuation in English ones. Quotations of the notice (“…”, 《…》, Chinese in brackets on "
                    "English pages) are left as the notice writes them.")
    typography.add_argument("files", nargs="*", type=Path, metavar="FILE",
                            help="files to lint instead of docs/ and site_words/ (e.g. wizard/text/zh.json)")
    statements = commands.add_parser(
        "statements", help="write STATEMENTS.md, what each wizard text rests on (向导文字的依据表)",
        description="Write STATEMENTS.md: every statement the wizard shows (findings, checklist, question help, "
                    "page words that state a rule) with its basis and clause, from wizard/statements.json and the "
                    "text files (向导文字的依据表). Lists every text without an entry and every entry without a text.")
    statements.add_argument("--check", action="store_true", help="do not write; exit 1 if STATEMENTS.md is out of date")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    root: Path = args.root.resolve()
    if args.command == "check":
        from .checks import run_all
        report = run_all(root, args.today)
        for finding in report.findings:
            print(finding)
        checked = ", ".join(f"{count} {what}" for what, count in report.counts.items())
        if report.findings:
            files = len({f.path for f in report.findings})
            print(f"\ncheck: {len(report.findings)} problem(s) in {files} file(s) ({checked} checked). "
                  "检查未通过：请按上面每行的 Fix 修改。")
            return 1
        print(f"check: all passed ({checked} checked). 检查通过。")
        return 0
    if args.command == "statements":
        from .statements import run
        return run(args.check)
    if args.command == "outdated":
        from .outdated import find_outdated, format_outdated
        print(format_outdated(find_outdated(root)))
        return 0
    if args.command == "new-page":
        from .newpage import scaffold
        try:
            written = scaffold(root, args.path, args.title_zh, args.title_en, args.source.replace(" ", ""),
                             args.description_zh, args.description_en, args.section_zh, args.section_en)
        except FileExistsError as error:
            print(f"new-page: {error}", file=sys.stderr)
            return 1
        zh, en = (f.relative_to(root).as_posix() for f in written)
        nav_path = zh.removeprefix("docs/")
        folder = nav_path.split("/")[0].capitalize() if "/" in nav_path else ""
        where = f'in the "{folder}:" section' if folder else "at the top level"
        print(f"Created {zh} and {en} (checked: {dt.date.today().isoformat()}).\n"
              "Next (下一步):\n"
              "  1. replace the TODO lines in both files (替换两份文件中的 TODO);\n"
              f"  2. add this line to `nav:` in mkdocs.yml, {where}, where a reader would look for the page\n"
              f"     (在 mkdocs.yml 的 nav: 中加入这一行):   - {nav_path}\n"
              "     no title: each language shows its own page title, and English uses the .en.md file;\n"
              "  3. run: .venv/bin/python -m staff check")
        return 0
    if args.command == "typography":
        from .typography import lint
        paths = [(Path.cwd() / f).resolve() for f in args.files] or None
        findings = lint(root, paths)
        for finding in findings:
            print(finding)
        if findings:
            print(f"\ntypography: {len(findings)} problem(s). 排版检查未通过：请按上面每行的 Fix 修改。")
            return 1
        print("typography: all passed. 排版检查通过。")
        return 0
    if args.command == "outcomes":
        from .outcomes import OutcomesError, compare, format_result
        try:
            result = compare(root, args.base)
        except OutcomesError as error:
            print(f"outcomes: {error}", file=sys.stderr)
            return 2
        sys.stdout.write(format_result(result, args.format))
        return 0
    return 2
