"""Build-time code the MkDocs hooks share, kept with the build (not with the staff tools or the engine).

MkDocs puts hooks/ on ``sys.path`` while it loads each hook, so a hook imports this package by name
(``from sitebuild import words``). ``staff/__init__.py`` and the tests add hooks/ to ``sys.path`` themselves.

Modules:
    words         the site's page words, one file per language (site_words/<lang>.json)
    rule_changes  render the "rule changes" page from the rule data (hooks/rule_changes.py expands the marker;
                  ``python -m staff check`` reads MARKERS to report an unknown marker with its line)
"""
