"""MkDocs hook: give the templates the site's page words as ``site_words`` (site_words/<lang>.json).

A template picks its language's words, e.g. ``site_words[config.theme.language].not_found.heading``; the
source note and the 404 page hold no strings of their own. ``mkdocs serve`` reloads when a words file changes.
"""
from __future__ import annotations

from sitebuild import words


def on_config(config, **kwargs):
    words.load.cache_clear()  # `mkdocs serve` rebuilds in the same process: read edited words again
    if str(words.FOLDER) not in config["watch"]:
        config["watch"].append(str(words.FOLDER))
    return config


def on_env(env, config, files, **kwargs):
    env.globals["site_words"] = words.all_words()
    env.filters["site_date"] = words.format_date
    return env
