"""A loopback static server for the built site that behaves like a real static host, with a request log.

Used by scripts/bench.py and scripts/lighthouse.py (the tests use the plain server of tests/conftest.py).
Like GitHub Pages or any CDN it compresses text (and .wasm) with gzip when the browser asks for it,
sends ETag/Last-Modified with ``Cache-Control: max-age=600`` (so a warm visit uses the HTTP cache),
keeps connections alive (HTTP/1.1) and answers unknown paths with the site's 404.html.

Every response is logged as a :class:`Served` record so the benchmark can count bytes per navigation:
``decoded`` is the file's size, ``body_sent`` what went over the wire for the body (gzip or not),
``header_sent`` the status line and headers.

>>> server = StaticSite(Path("site")); base = server.start()   # doctest: +SKIP
>>> mark = server.mark(); ...; server.served_since(mark)        # doctest: +SKIP
"""
from __future__ import annotations

import email.utils
import gzip
import http.server
import mimetypes
import posixpath
import socketserver
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/wasm",
    "image/svg+xml",
    "application/xml",
    "application/manifest+json",
)
TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".ics": "text/calendar",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
}


@dataclass
class Served:
    """One response of the server."""

    path: str
    status: int
    decoded: int
    body_sent: int
    header_sent: int
    gzip: bool

    @property
    def transferred(self) -> int:
        return self.body_sent + self.header_sent


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, *args):  # the log is self.server.site.log
        pass

    def do_HEAD(self):
        self._serve(head=True)

    def do_GET(self):
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        site: StaticSite = self.server.site
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        status = 200
        body: bytes | None = None
        ctype = "text/html; charset=utf-8"
        mtime = 0.0
        if url_path in site.routes:
            body, ctype = site.routes[url_path]
        else:
            file = site.resolve(url_path)
            if file is None:
                status = 404
                file = site.root / "404.html"
                if not file.exists():
                    body = b"not found"
            if body is None:
                ctype = site.content_type(file)
                stat = file.stat()
                mtime = stat.st_mtime
                body = site.read(file, stat)
        etag = f'"{hash((url_path, len(body), mtime)) & 0xFFFFFFFF:x}"'
        use_gzip = (
            site.gzip
            and "gzip" in self.headers.get("Accept-Encoding", "")
            and ctype.startswith(COMPRESSIBLE)
            and len(body) > 256
        )
        headers = [("Content-Type", ctype), ("Cache-Control", site.cache_control), ("Vary", "Accept-Encoding")]
        if status == 200 and mtime:
            headers += [("ETag", etag), ("Last-Modified", email.utils.formatdate(mtime, usegmt=True))]
        if status == 200 and mtime and self.headers.get("If-None-Match") == etag:
            self._respond(304, headers + [("Content-Length", "0")], b"", head, url_path, len(body), False)
            return
        payload = site.gzipped(url_path, body, mtime) if use_gzip else body
        if use_gzip:
            headers.append(("Content-Encoding", "gzip"))
        headers.append(("Content-Length", str(len(payload))))
        self._respond(status, headers, payload, head, url_path, len(body), use_gzip)

    def _respond(self, status, headers, payload, head, url_path, decoded, used_gzip) -> None:
        self.send_response(status)
        header_bytes = len(f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}\r\n") + 2
        for name, value in headers:
            self.send_header(name, value)
            header_bytes += len(name) + len(value) + 4
        self.end_headers()
        sent = 0 if head else len(payload)
        if not head:
            self.wfile.write(payload)
        self.server.site.record(
            Served(url_path, status, decoded if status != 304 else 0, sent, header_bytes, used_gzip)
        )


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    site: "StaticSite"


class StaticSite:
    """Serve ``root`` on 127.0.0.1 at a free port; extra in-memory ``routes`` map a path to (bytes, type)."""

    def __init__(self, root: Path, *, gzip_enabled: bool = True, cache_control: str = "max-age=600"):
        self.root = Path(root).resolve()
        self.gzip = gzip_enabled
        self.cache_control = cache_control
        self.routes: dict[str, tuple[bytes, str]] = {}
        self.log: list[Served] = []
        self._lock = threading.Lock()
        self._files: dict[Path, tuple[float, bytes]] = {}
        self._gz: dict[tuple[str, int, float], bytes] = {}
        self._server: _Server | None = None

    # --- files ---------------------------------------------------------------------------------------
    def resolve(self, url_path: str) -> Path | None:
        parts = [p for p in posixpath.normpath(url_path).split("/") if p not in ("", ".", "..")]
        file = self.root.joinpath(*parts)
        if file.is_dir():
            file = file / "index.html"
        return file if file.is_file() else None

    @staticmethod
    def content_type(file: Path) -> str:
        ctype = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype == "application/json":
            ctype += "; charset=utf-8"
        return ctype

    def read(self, file: Path, stat) -> bytes:
        cached = self._files.get(file)
        if cached and cached[0] == stat.st_mtime:
            return cached[1]
        data = file.read_bytes()
        self._files[file] = (stat.st_mtime, data)
        return data

    def gzipped(self, url_path: str, body: bytes, mtime: float) -> bytes:
        key = (url_path, len(body), mtime)
        with self._lock:
            hit = self._gz.get(key)
        if hit is None:
            hit = gzip.compress(body, compresslevel=6, mtime=0)
            with self._lock:
                self._gz[key] = hit
        return hit

    def precompress(self) -> None:
        """Compress every compressible file once, so no measured request pays for gzip."""
        for file in self.root.rglob("*"):
            if file.is_file() and self.content_type(file).startswith(COMPRESSIBLE):
                rel = "/" + file.relative_to(self.root).as_posix()
                stat = file.stat()
                self.gzipped(rel, self.read(file, stat), stat.st_mtime)
                if file.name == "index.html":
                    self.gzipped(rel[: -len("index.html")], self.read(file, stat), stat.st_mtime)

    # --- log -----------------------------------------------------------------------------------------
    def record(self, served: Served) -> None:
        with self._lock:
            self.log.append(served)

    def mark(self) -> int:
        with self._lock:
            return len(self.log)

    def served_since(self, mark: int) -> list[Served]:
        with self._lock:
            return list(self.log[mark:])

    # --- life cycle ----------------------------------------------------------------------------------
    def start(self) -> str:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.site = self
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
