"""Write each language's 404 page to its own folder: site/404.html (zh) and site/en/404.html (en).

mkdocs-static-i18n builds every language into the same site_dir, so each language's 404.html would overwrite
the previous one at site/404.html. For a non-default language this hook writes the rendered 404 to
site/<lang>/404.html and hands MkDocs empty output, which MkDocs skips, keeping the default-language one.
"""
from __future__ import annotations

from pathlib import Path


def on_post_template(output_content, template_name, config, **kwargs):
    if template_name != "404.html":
        return output_content
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        return output_content
    target = Path(config.site_dir) / i18n.current_language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    return ""
