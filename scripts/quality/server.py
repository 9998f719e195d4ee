"""The static server of the tests, the benchmark and Lighthouse: Debian's nginx with the site's own config.

Starts ``nginx`` (Debian packages ``nginx`` and ``libnginx-mod-http-brotli-static``) on a free loopback port
with deploy/nginx/site.conf, the file staff deploy, so the tests see the headers, compression and 404 page
that readers get. Every response is written to an access log that :meth:`StaticSite.served_since` reads as
:class:`Served` records (the benchmark counts bytes per navigation with them).

>>> server = StaticSite(Path("site")); base = server.start()     # doctest: +SKIP
>>> mark = server.mark(); ...; server.served_since(mark)          # doctest: +SKIP
>>> server.stop()                                                 # doctest: +SKIP

Options: ``brotli=False`` serves gzip only (what GitHub Pages does); ``cache_control="no-cache"`` makes
every response revalidate (hosts such as Netlify by default); ``aliases={"/__bench/": folder}`` serves more
folders (the benchmark's bare-boot pages, the stock Pyodide files); ``types={"mjs": "text/javascript"}`` adds
file types to Debian's mime.types (which has no .mjs); ``head_html="<script>…</script>"`` writes
that markup at the start of every page's head (the tests' probe of uncaught errors; pages are then sent
compressed by nginx on the fly, not from the .br and .gz files).
"""
from __future__ import annotations

import atexit
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE_CONF = ROOT / "deploy" / "nginx" / "site.conf"
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")
LOG_FORMAT = "$request_uri\\t$status\\t$body_bytes_sent\\t$bytes_sent\\t$sent_http_content_encoding"


class ServerMissing(RuntimeError):
    """nginx or its brotli module is not installed (the message says which Debian package to install)."""


@dataclass
class Served:
    """One response of the server."""

    path: str
    status: int
    decoded: int       # size of the file served (0 for 304 and for paths that are not files)
    body_sent: int     # body bytes on the wire (compressed or not)
    header_sent: int   # status line and headers
    encoding: str      # "br", "gzip" or ""

    @property
    def transferred(self) -> int:
        return self.body_sent + self.header_sent

    @property
    def gzip(self) -> bool:
        return self.encoding == "gzip"


def missing() -> str | None:
    """Why nginx cannot run here, or None."""
    if not Path(NGINX).exists() and not shutil.which("nginx"):
        return "nginx is not installed (apt-get install nginx libnginx-mod-http-brotli-static)"
    if not BROTLI_MODULE.exists():
        return f"{BROTLI_MODULE} is missing (apt-get install libnginx-mod-http-brotli-static)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _config(root: Path, port: int, workdir: Path, brotli: bool, cache_control: str | None,
            aliases: dict[str, Path], head_html: str | None = None, types: dict[str, str] | None = None) -> str:
    rules = SITE_CONF.read_text(encoding="utf-8")
    if not brotli or head_html:
        rules = rules.replace("brotli_static on;", "brotli_static off;")
    if head_html:  # sub_filter rewrites only what it compresses itself
        assert "'" not in head_html and "\\" not in head_html, "head_html goes into a single-quoted nginx string"
        rules = rules.replace("gzip_static on;", "gzip_static off;")
        rules += f"\nsub_filter '<head>' '<head>{head_html}';\nsub_filter_once on;\n"
    if cache_control:  # one policy for every response instead of the file's per-location lifetimes
        rules = "\n".join(line for line in rules.splitlines() if "add_header Cache-Control" not in line)
        rules += f'\nadd_header Cache-Control "{cache_control}" always;\n'
    (workdir / "site.conf").write_text(rules, encoding="utf-8")
    extra = "".join(f"        location ^~ {prefix} {{ alias {Path(folder).resolve()}/; }}\n"
                    for prefix, folder in aliases.items())
    temp = workdir / "tmp"
    more_types = "".join(f"    types {{ {mime} {extension}; }}\n" for extension, mime in (types or {}).items())
    return f"""load_module {BROTLI_MODULE};
daemon off;
# One process, running as whoever started it: a master started as root would hand requests to workers
# running as "nobody", who cannot read a site in a private temporary folder.
master_process off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
{more_types}    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    log_format served "{LOG_FORMAT}";
    access_log {workdir}/access.log served;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
{extra}        include {workdir}/site.conf;
    }}
}}
"""


class StaticSite:
    """Serve ``root`` with nginx on 127.0.0.1 at a free port (see the module docstring for the options)."""

    def __init__(self, root: Path, *, brotli: bool = True, cache_control: str | None = None,
                 aliases: dict[str, Path] | None = None, head_html: str | None = None,
                 types: dict[str, str] | None = None):
        self.root = Path(root).resolve()
        self.head_html = head_html
        self.brotli = brotli
        self.cache_control = cache_control
        self.aliases = dict(aliases or {})
        self.types = dict(types or {})
        self.base: str | None = None
        self._process: subprocess.Popen | None = None
        self._workdir: tempfile.TemporaryDirectory | None = None
        self._read = 0
        self._log: list[Served] = []

    # --- life cycle ----------------------------------------------------------------------------------
    def start(self) -> str:
        """Start nginx; returns the base URL (no trailing slash)."""
        reason = missing()
        if reason:
            raise ServerMissing(reason)
        self._workdir = tempfile.TemporaryDirectory(prefix="site-nginx-")
        workdir = Path(self._workdir.name)
        (workdir / "tmp").mkdir()
        for _ in range(5):  # a free port can be taken between the probe and nginx's bind: try another
            port = _free_port()
            conf = workdir / "nginx.conf"
            conf.write_text(_config(self.root, port, workdir, self.brotli, self.cache_control, self.aliases,
                                   self.head_html, self.types))
            (workdir / "access.log").touch()
            self._process = subprocess.Popen([shutil.which("nginx") or NGINX, "-c", str(conf), "-p", str(workdir),
                                              "-e", str(workdir / "error.log")],
                                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if self._wait_listening(port):
                self.base = f"http://127.0.0.1:{port}"
                atexit.register(self.stop)  # a script that dies before stop() leaves no nginx behind
                return self.base
            self._process.kill()
            self._process.wait()
        log = (workdir / "error.log").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"nginx did not start: {log}")

    def _wait_listening(self, port: int, timeout: float = 10) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def stop(self) -> None:
        """Stop nginx (a fast shutdown: open connections are closed)."""
        atexit.unregister(self.stop)
        if self._process and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None
        if self._workdir:
            self._workdir.cleanup()
            self._workdir = None

    def __enter__(self) -> "StaticSite":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- log -----------------------------------------------------------------------------------------
    def _file_size(self, path: str) -> int:
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        for prefix, folder in self.aliases.items():
            if url_path.startswith(prefix):
                file = Path(folder) / url_path[len(prefix):]
                break
        else:
            file = self.root / url_path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        return file.stat().st_size if file.is_file() else 0

    def _refresh(self) -> None:
        if not self._workdir:
            return
        with open(Path(self._workdir.name) / "access.log", "rb") as log:
            log.seek(self._read)
            chunk = log.read()
        complete = chunk[: chunk.rfind(b"\n") + 1]
        self._read += len(complete)
        for line in complete.decode("utf-8", "replace").splitlines():
            path, status, body, total, encoding = (line.split("\t") + [""] * 5)[:5]
            status_code = int(status)
            self._log.append(Served(path, status_code, self._file_size(path) if status_code == 200 else 0,
                                    int(body), int(total) - int(body), "" if encoding == "-" else encoding))

    def mark(self) -> int:
        """A position in the log; :meth:`served_since` returns what was served after it."""
        self._refresh()
        return len(self._log)

    def served_since(self, mark: int, settle: float = 0.1) -> list[Served]:
        time.sleep(settle)  # nginx writes the log line after the response
        self._refresh()
        return list(self._log[mark:])
