"""A guide page weighs at most `weight_ratio` (scripts/quality/targets.toml) times a vanilla Material page
built with the same theme settings."""
from __future__ import annotations

import pytest

from pageweight import StaticSite, build_vanilla, measure, pick_pages, targets

LIMIT = targets.load()["weight_ratio"]


@pytest.fixture(scope="module")
def vanilla_weight(browser, tmp_path_factory):
    with StaticSite(build_vanilla(tmp_path_factory.mktemp("vanilla"))) as server:
        return measure(browser, server.base + "/")


@pytest.mark.parametrize("lang_prefix", ["", "/en"], ids=["zh", "en"])
def test_a_guide_page_without_a_diagram_weighs_at_most_the_target_ratio_of_a_vanilla_material_page(
    browser, built_site, site_url, vanilla_weight, lang_prefix
):
    guide = pick_pages(built_site).get("guide")
    assert guide, "no guide page without a diagram found"
    ours = measure(browser, site_url + lang_prefix + guide)
    ratio = ours["bytes"] / vanilla_weight["bytes"]
    print(f"\n{lang_prefix}{guide}: {ours['bytes']:,} B / {ours['requests']} requests; "
          f"vanilla {vanilla_weight['bytes']:,} B / {vanilla_weight['requests']} requests; ×{ratio:.2f}")
    assert ratio <= LIMIT, "\n".join(f"{size:>9,} {url}" for size, url in ours["detail"])
