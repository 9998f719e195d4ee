"""MkDocs hook: a .gz and a .br beside every text file of the built site, for nginx's gzip_static/brotli_static.

deploy/nginx/site.conf serves these files as they are (brotli to browsers that accept it, gzip otherwise),
so no request waits for compression and brotli needs no dynamic module. The compressed bytes are cached by
the file's sha256 in build/compressed/ (brotli at quality 11 takes seconds on the wizard's .wasm; a rebuild
mostly writes identical files). hooks/sitebuild/assets.py compresses the wizard's assets with the same
function; the benchmark and the tests use it for the pages they serve that MkDocs did not build.

GitHub Pages ignores the files (it compresses with gzip itself); they are skipped when publishing there.
"""
from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

import brotli
from mkdocs.plugins import event_priority

CACHE = Path(__file__).resolve().parent.parent / "build" / "compressed"
# Everything a browser downloads that is not compressed already (no images, fonts or .gz files).
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".map", ".wasm", ".zip", ".svg", ".xml", ".txt", ".ics")
ENCODINGS = {".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
             ".br": lambda data: brotli.compress(data, quality=11)}


def precompress(folder: Path, cache: Path = CACHE) -> int:
    """Write <file>.gz and <file>.br beside each compressible file under folder; returns how many were made
    afresh (not taken from the cache)."""
    made = 0
    cache.mkdir(parents=True, exist_ok=True)
    for file in sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.name.endswith(COMPRESSIBLE)):
        data = file.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        for suffix, compress in ENCODINGS.items():
            cached = cache / f"{digest}{suffix}"
            if not cached.exists():
                cached.write_bytes(compress(data))
                made += 1
            target = file.with_name(file.name + suffix)
            if not target.exists() or target.stat().st_size != cached.stat().st_size \
                    or target.read_bytes() != cached.read_bytes():
                shutil.copyfile(cached, target)
    return made


@event_priority(-1000)  # after every hook that rewrites built files (hooks/alternate_links.py patches a bundle)
def on_post_build(config, **kwargs) -> None:
    precompress(Path(config["site_dir"]))
