"""The vanilla Material peer: a one-page Material site with this project's theme settings and nothing else
(no custom_dir, hooks, extra CSS or i18n; the search plugin only). Page-weight targets are ratios to it
(tests/site/test_site_weight.py, scripts/bench.py).

>>> site_dir = build_vanilla(Path(tempfile.mkdtemp()))      # doctest: +SKIP
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PAGE = """# 注册办事指南

这是一个普通页面，用于和本站的页面比较重量：同样的主题设置，没有本站的样式、钩子和插件（搜索除外）。

## 办理步骤

1. 登录服务平台，进入个人办事。
2. 填写注册申请信息，上传证明材料。
3. 单位确认后提交，等待受理和审批。

## 注意事项

申请人应当如实填写信息。审批结果在平台公告，电子证书可在线下载打印。

| 事项 | 发起 | 确认 |
|------|------|------|
| 初始注册 | 个人 | 单位 |
| 延续注册 | 个人 | 单位 |
"""


def theme_settings() -> dict:
    """Our mkdocs.yml's theme block without custom_dir and favicon (they are the project's, not the theme's)."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        ours = yaml_load(handle)
    return {key: value for key, value in ours["theme"].items() if key not in ("custom_dir", "favicon")}


def build_vanilla(workdir: Path) -> Path:
    """Build the peer site in workdir; returns its site folder."""
    workdir = Path(workdir)
    (workdir / "docs").mkdir(parents=True, exist_ok=True)
    (workdir / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    config = {"site_name": "Vanilla Material", "theme": theme_settings(), "plugins": ["search"],
              "markdown_extensions": ["tables", "attr_list", "admonition"]}
    (workdir / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(workdir / "mkdocs.yml"),
                    "-d", str(workdir / "site")], cwd=workdir, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return workdir / "site"
