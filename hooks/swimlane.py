"""Render ```swimlane fenced blocks into plain, accessible HTML at build time (no JS, no third-party request).

Syntax (ARCHITECTURE.md, Site): one step a line, ``actor: text``; actors are applicant | employer | authority |
wait (a waiting time between steps). Blank lines and lines starting with ``#`` are ignored. An unknown actor,
a line without ``actor:``, an empty text or an empty block fails the build with the file and line.

Example::

    ```swimlane
    applicant: 在“江苏政务服务”APP 发起注册申请
    wait: 5 日内确认，否则平台自动删除
    employer: 登录综合服务平台确认
    ```

Output: ``<figure class="swimlane">`` holding lane headings (hidden from screen readers) and an ``<ol>`` of
steps; each step carries its actor label in the page language (site_words/<lang>.json ``swimlane``).
docs/assets/stylesheets/site.css lays it out as three lanes on wide screens and as a stacked sequence on phones.

The fence is registered with pymdownx.superfences from ``on_config`` (a hook module is not importable by
name from mkdocs.yml). The page language comes from the page file: ``x.en.md`` is English, ``x.md`` Chinese.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

from sitebuild import words

ACTORS = ("applicant", "employer", "authority", "wait")
LANES = ("applicant", "employer", "authority")

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*swimlane\b.*$")
_LINE = re.compile(r"^(?P<actor>[A-Za-z_-]*)[ \t]*[:：][ \t]*(?P<text>.*)$")

# Language of the page being converted; set in on_page_markdown (pages are converted one at a time).
_current = {"lang": "zh", "file": "?"}


class SwimlaneError(PluginError):
    """A swimlane block that does not follow the syntax; the message names the file and line."""


@dataclass(frozen=True)
class Step:
    actor: str
    text: str


def parse(source: str, where: str = "?", first_line: int = 1) -> list[Step]:
    """Parse the body of a swimlane block into steps; raise SwimlaneError naming ``where:line``.

    >>> parse("applicant: 申请\\nwait: 5 日")
    [Step(actor='applicant', text='申请'), Step(actor='wait', text='5 日')]
    """
    steps: list[Step] = []
    for offset, raw in enumerate(source.splitlines()):
        line = raw.strip()
        lineno = first_line + offset
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            raise SwimlaneError(
                f"{where}:{lineno}: swimlane line is not 'actor: text' (actors: {' | '.join(ACTORS)}): {line!r}"
            )
        actor, text = match["actor"].strip().lower(), match["text"].strip()
        if actor not in ACTORS:
            raise SwimlaneError(
                f"{where}:{lineno}: unknown swimlane actor {match['actor']!r} (use {' | '.join(ACTORS)})"
            )
        if not text:
            raise SwimlaneError(f"{where}:{lineno}: swimlane step for {actor!r} has no text")
        steps.append(Step(actor, text))
    if not steps:
        raise SwimlaneError(f"{where}:{first_line - 1}: empty swimlane block (add at least one 'actor: text' line)")
    if all(step.actor == "wait" for step in steps):
        raise SwimlaneError(f"{where}:{first_line - 1}: swimlane block has only waiting times, no actor steps")
    return steps


def render(steps: list[Step], lang: str = "zh") -> str:
    """HTML for parsed steps, with labels in ``lang`` ("zh" or "en")."""
    labels = words.load(lang)["swimlane"]
    esc = html.escape
    heads = " ".join(  # spaces between the heads: the search index takes the text as it stands
        f'<span class="swimlane__head swimlane__head--{lane}">{esc(labels[lane])}</span>' for lane in LANES
    )
    items = []
    number = 0
    for row, step in enumerate(steps, start=1):
        text = esc(step.text)
        # --row puts every step on its own grid row in the three-lane layout (order stays top to bottom).
        if step.actor == "wait":
            items.append(
                f'<li class="swimlane__wait" style="--row:{row}">'
                f'<span class="swimlane__actor">{esc(labels["wait"])}<span class="swimlane__sep">{esc(labels["actor_separator"])}</span></span>'
                f'<span class="swimlane__text">{text}</span></li>'
            )
            continue
        number += 1
        step_label = labels["step"].format(n=number)
        items.append(
            f'<li class="swimlane__step swimlane__step--{step.actor}" style="--row:{row}">'
            f'<span class="swimlane__actor"><span class="swimlane__no">{esc(step_label)}</span> '
            f'{esc(labels[step.actor])}<span class="swimlane__sep">{esc(labels["actor_separator"])}</span></span>'
            f'<span class="swimlane__text">{text}</span></li>'
        )
    return (
        f'<figure class="swimlane" role="group" aria-label="{esc(labels["figure"])}">'
        f'<div class="swimlane__heads" aria-hidden="true">{heads}</div>'
        f'<ol class="swimlane__steps">{"".join(items)}</ol>'
        "</figure>"
    )


# --- pymdownx.superfences custom fence -------------------------------------------------------------------

def fence_format(source, language, css_class, options, md, **kwargs):  # noqa: ARG001 (superfences API)
    """superfences formatter: render a swimlane block in the current page's language."""
    return render(parse(source, _current["file"]), _current["lang"])


def fence_validator(language, inputs, options, attrs, md):  # noqa: ARG001 (superfences API)
    """superfences validator: swimlane blocks take no options."""
    return True


# --- MkDocs hook events ---------------------------------------------------------------------------------

def on_config(config, **kwargs):
    """Register the swimlane fence with pymdownx.superfences (replacing any earlier registration)."""
    if "pymdownx.superfences" not in config.markdown_extensions:
        config.markdown_extensions.append("pymdownx.superfences")
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = [f for f in superfences.get("custom_fences", []) if f.get("name") != "swimlane"]
    fences.append({"name": "swimlane", "class": "swimlane", "format": fence_format, "validator": fence_validator})
    superfences["custom_fences"] = fences
    return config


def page_language(page) -> str:
    """"en" for x.en.md (or the i18n plugin's locale), else "zh"."""
    locale = getattr(page.file, "locale", None)
    if locale:
        return str(locale)
    return "en" if page.file.src_uri.endswith(".en.md") else "zh"


def check_markdown(markdown: str, where: str) -> None:
    """Validate every swimlane block of a page so errors carry the file's own line numbers."""
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE_OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        fence, indent = match["fence"], len(match["indent"].expandtabs(4))
        body_start = i + 1
        j = body_start
        while j < len(lines) and not (
            lines[j].strip().startswith(fence[0] * len(fence)) and lines[j].strip().strip(fence[0]) == ""
        ):
            j += 1
        body = "\n".join(line[indent:] if len(line) >= indent else line.strip() for line in lines[body_start:j])
        parse(body, where, first_line=body_start + 1)
        i = j + 1


DIAGRAM_ANCHOR = "flow"


def anchor_first_diagram(markdown: str) -> str:
    """Wrap the page's first top-level swimlane block in ``<div id="flow" markdown>`` so that links to
    ``#flow`` (the 办事要素 block's 办理流程 row) land on it; a wrapper made in Markdown, unlike an id in the
    rendered HTML, is an anchor the strict build's link validation sees.

    >>> print(anchor_first_diagram("text\\n\\n```swimlane\\napplicant: 申请\\n```\\n"))
    text
    <BLANKLINE>
    <div class="swimlane-anchor" id="flow" markdown>
    <BLANKLINE>
    ```swimlane
    applicant: 申请
    ```
    <BLANKLINE>
    </div>
    <BLANKLINE>
    """
    lines = markdown.split("\n")
    for start, line in enumerate(lines):
        match = _FENCE_OPEN.match(line)
        if not match or match["indent"]:
            continue
        fence = match["fence"]
        end = next((j for j in range(start + 1, len(lines))
                    if lines[j].strip().startswith(fence) and not lines[j].strip().strip(fence[0])), None)
        if end is None:
            return markdown
        lines[end:end + 1] = [lines[end], "", "</div>"]
        lines[start:start] = [f'<div class="swimlane-anchor" id="{DIAGRAM_ANCHOR}" markdown>', ""]
        return "\n".join(lines)
    return markdown


def on_page_markdown(markdown, page, config, files, **kwargs):
    _current["lang"] = page_language(page)
    _current["file"] = f"docs/{page.file.src_uri}"
    # Front matter is already stripped: count its lines so reported numbers match the file.
    offset = 0
    try:
        with open(page.file.abs_src_path, encoding="utf-8-sig") as handle:
            raw = handle.read()
        offset = raw.count("\n", 0, raw.find(markdown[:200])) if markdown[:200] and markdown[:200] in raw else 0
    except OSError:
        pass
    try:
        check_markdown(markdown, _current["file"])
    except SwimlaneError as error:
        if offset:
            error = SwimlaneError(_shift_line(str(error), offset))
        raise error
    return anchor_first_diagram(markdown)


def _shift_line(message: str, offset: int) -> str:
    return re.sub(r":(\d+):", lambda m: f":{int(m.group(1)) + offset}:", message, count=1)
