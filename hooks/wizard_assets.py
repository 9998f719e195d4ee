"""Placeholder mkdocs hook: the browser-wizard work makes this copy build/wizard-assets into the site."""
