"""Stop Material fetching `<alternate page>/sitemap.xml` for every hreflang link.

Material's bundle looks at every `<link rel="alternate">` and fetches `sitemap.xml` next to its href, to remap
language-switch clicks. Our alternates are per page (mkdocs-static-i18n already points the language switcher at
the same page), so those fetches hit `/en/jiangsu/renewal/sitemap.xml` and the like: 404s, console errors and
extra requests on every page. This hook narrows that one selector in the built copy of the bundle so it matches
nothing; the hreflang links stay in the HTML for search engines. If Material changes the code, the build fails
here rather than silently bringing the requests back.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ORIGINAL = 'M("link[rel=alternate]")'
PATCHED = 'M("link[rel=alternate][data-md-sitemap-probe]")'


@event_priority(-300)
def on_post_build(config, **kwargs):
    bundles = sorted((Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise PluginError("alternate_links: no Material bundle.*.min.js in site/assets/javascripts")
    for bundle in bundles:
        code = bundle.read_text(encoding="utf-8")
        if PATCHED in code:
            continue
        if code.count(ORIGINAL) != 1:
            raise PluginError(
                f"alternate_links: expected one {ORIGINAL!r} in {bundle.name}; Material changed, update this hook"
            )
        bundle.write_text(code.replace(ORIGINAL, PATCHED), encoding="utf-8")
