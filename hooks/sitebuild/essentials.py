"""The 办事要素 block (the elements of a government service guide) at the top of every procedure page.

Staff fill seven fields in the page's front matter; hooks/essentials.py renders them as a table right under
the H1, with the field names from site_words/<lang>.json ``essentials``. Every value is Markdown (links
allowed); a list is shown as a bulleted list inside its cell. Where the notice is silent, the value is one
short line ("通知未说明" / "The notice does not say"), not a box.

    essentials:
      who: 取得职业资格的人员；已完成 [L4 级实名（人）认证](realname.md#l4)
      materials:
        - 个人近期免冠证件照：在“注册申报”页面上传；格式和大小，通知未说明
        - 劳动合同：……
      process: 见[下方流程图](#flow)：个人申请 → 5 日内确认 → 企业确认 → 受理、审核
      time_limit: 20 个工作日内作出书面决定（其他事宜 3）
      fees: 通知未提及
      result: 电子注册证书，在“江苏政务服务”APP“我的证照”下载
      contact: 注册事项咨询热线 025-83666746、025-83666203

Which pages are procedure pages: every page under a province folder except the ones in NOT_PROCEDURES
(overviews, FAQs, contact lists, field references). ``python -m staff check`` fails a procedure page without the
block; the build fails on a block with an unknown or empty field.

>>> problems({"who": "x", "materials": ["a"], "process": "p", "time_limit": "t", "fees": "f", "result": "r"})
[('contact', 'missing')]
>>> problems({"who": "x", "materials": [], "process": "p", "time_limit": "t", "fees": "f", "result": "r",
...           "contact": "c", "cost": "0"})
[('materials', 'empty'), ('cost', 'unknown')]
"""
from __future__ import annotations

FRONT_MATTER_KEY = "essentials"
# In the order the table shows them (the order of a 办事指南: who, what to bring, how, how long, cost, result, ask).
FIELDS = ("who", "materials", "process", "time_limit", "fees", "result", "contact")
ANCHOR = "essentials"
PROVINCES = ("zhejiang", "jiangsu")
NOT_PROCEDURES = frozenset({
    "zhejiang/index", "zhejiang/personnel-form", "zhejiang/faq", "zhejiang/contacts",
    "jiangsu/index", "jiangsu/faq", "jiangsu/contacts",
})


def is_procedure(key: str) -> bool:
    """True for a procedure page, by its language-neutral key ("jiangsu/renewal")."""
    return key.split("/")[0] in PROVINCES and "/" in key and key not in NOT_PROCEDURES


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return not value or any(_blank(item) or not isinstance(item, str) for item in value)
    return True  # numbers, mappings: not a text a reader can read


def problems(block: object) -> list[tuple[str, str]]:
    """(field, "missing" | "empty" | "unknown") for each problem of a front matter ``essentials`` block;
    ("", "not a mapping") when it is not a list of ``field: value`` lines."""
    if not isinstance(block, dict):
        return [("", "not a mapping")]
    found = [(name, "missing") if name not in block else (name, "empty")
             for name in FIELDS if name not in block or _blank(block[name])]
    found += [(str(name), "unknown") for name in block if name not in FIELDS]
    return found


def _cell(value: str | list[str]) -> str:
    """One table cell: a list becomes an HTML list (a pipe table cell holds one line)."""
    if isinstance(value, list):
        items = "".join(f"<li>{_one_line(item)}</li>" for item in value)
        return f'<ul class="essentials__list">{items}</ul>'
    return _one_line(value)


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render(block: dict, labels: dict) -> str:
    """Markdown for the block: a heading with the fixed anchor and a two-column table.

    >>> labels = {"heading": "办事要素", "field": "要素", "value": "内容", "fields": {f: f.upper() for f in FIELDS}}
    >>> block = dict.fromkeys(FIELDS, "通知未说明") | {"materials": ["照片", "合同"]}
    >>> print(render(block, labels).splitlines()[2])
    ## 办事要素 { #essentials }
    >>> print(render(block, labels).splitlines()[7])
    | MATERIALS | <ul class="essentials__list"><li>照片</li><li>合同</li></ul> |
    """
    rows = [f"## {labels['heading']} {{ #{ANCHOR} }}", "",
            f"| {labels['field']} | {labels['value']} |", "| --- | --- |"]
    rows += [f"| {labels['fields'][name]} | {_cell(block[name])} |" for name in FIELDS]
    return '<div class="essentials" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"
