"""The site build: the code the MkDocs hooks share, and the wizard's asset build (not the staff tools, not the
engine).

MkDocs puts hooks/ on ``sys.path`` while it loads each hook, so a hook imports this package by name
(``from sitebuild import words``). ``staff/__init__.py`` and the tests add hooks/ to ``sys.path`` themselves;
`make build` runs the asset build as ``PYTHONPATH=hooks python -m sitebuild.assets``.

Modules:
    words            the site's page words, one file per language (site_words/<lang>.json)
    changes_page     render the "rule changes" page from the rule data (hooks/rule_changes.py expands the
                     marker; ``python -m staff check`` reads MARKERS to report an unknown marker with its line)
    assets           build/wizard-assets/: the wizard page's bundle, texts and runtime set, and their manifest
                     (hooks/wizard_assets.py copies them into the site and writes the service worker)
    runtime_set      the runtime set: Pyodide's files and python_stdlib.zip reduced to what the engine imports,
                     compiled in the runtime (pyodide_compile.cjs, runtime_compile.py; pyodide_node.cjs runs
                     the engine in Pyodide under Node)
"""
