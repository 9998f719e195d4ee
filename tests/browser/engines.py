"""One page driver over the three engines readers' phones run, so a reader-facing test is written once.

- Chromium: Debian's /usr/bin/chromium through Playwright (the `browser` fixture of tests/conftest.py).
- WebKit (every iPhone browser, WeChat's included): WebKitGTK's MiniBrowser through WebKitWebDriver
  (Debian webkit2gtk-driver) and Selenium, on an X display: the one in DISPLAY, else an Xvfb started here.
- Firefox: Debian's firefox-esr through puppeteer-core over WebDriver BiDi, in tests/browser/firefox_driver.mjs
  (there is no geckodriver); this module talks to it in JSON lines.

A `Page` has a fresh profile (no cache, storage or service worker of another page): goto, reload, evaluate (a
JavaScript function's source and a JSON argument; the function may return a promise; the value comes back
through JSON), wait_for, click, select, fill. Neither WebKitWebDriver nor BiDi's Firefox can take the network
away, so the tests do that by stopping the server. A missing browser fails the test with the package to install:
an engine is never skipped.
"""
from __future__ import annotations

import atexit
import json
import os
import queue
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ENGINES = ["chromium", "webkit", "firefox"]
WAIT_S = 60  # the machine is shared; the benchmark, not the tests, judges speed

WEBKIT_DRIVER = os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
MINIBROWSER = os.environ.get("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
XVFB = "/usr/bin/Xvfb"
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
FIREFOX_DRIVER = Path(__file__).with_name("firefox_driver.mjs")
# Firefox's own first-run and background requests would leave the machine (the tests serve 127.0.0.1 only).
FIREFOX_PREFS = {"browser.shell.checkDefaultBrowser": False, "app.update.disabledForTesting": True,
                 "network.captive-portal-service.enabled": False, "network.connectivity-service.enabled": False}
NO_SERVICE_WORKERS_JS = "delete Navigator.prototype.serviceWorker"


class EngineMissing(RuntimeError):
    """A browser or driver is not installed; the message names the package."""


class ScriptRejected(AssertionError):
    """The page's function threw or its promise rejected; `.value` is what it rejected with."""

    def __init__(self, value: Any):
        super().__init__(f"page script rejected: {value!r}")
        self.value = value


def _wrapped(function: str, arg: Any) -> str:
    """An expression every engine evaluates alike: the function called with ``arg``, awaited, as JSON text."""
    return (f"Promise.resolve().then(() => ({function})({json.dumps(arg)})).then("
            "(value) => JSON.stringify({ok: value === undefined ? null : value}),"
            " (error) => JSON.stringify({error: error instanceof Error ? `${error.name}: ${error.message}` : error}))")


class Page:
    """The engine-neutral page. Subclasses supply _evaluate_json, goto, reload, click, select and close."""

    engine = ""

    def _evaluate_json(self, expression: str) -> str:
        raise NotImplementedError

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def click(self, selector: str) -> None:
        raise NotImplementedError

    def select(self, selector: str, value: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def evaluate(self, function: str, arg: Any = None) -> Any:
        result = json.loads(self._evaluate_json(_wrapped(function, arg)))
        if "error" in result:
            raise ScriptRejected(result["error"])
        return result["ok"]

    def wait_for(self, function: str, arg: Any = None, timeout: float = WAIT_S, message: str = "") -> Any:
        """Until the function returns something truthy (polled); returns it."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(function, arg)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.engine}: timed out after {timeout:.0f} s waiting for "
                                     f"{message or function}")
            time.sleep(0.1)

    def wait_for_selector(self, selector: str, timeout: float = WAIT_S) -> None:
        self.wait_for("(s) => !!document.querySelector(s)", selector, timeout, selector)

    def fill(self, selector: str, value: str) -> None:
        """Sets an input's value and fires input and change, as typing would end. By script in every engine: a
        date input takes typed keys in an order that depends on the engine and the locale."""
        self.evaluate("""([selector, value]) => { const input = document.querySelector(selector);
            input.focus(); input.value = value;
            input.dispatchEvent(new Event("input", {bubbles: true}));
            input.dispatchEvent(new Event("change", {bubbles: true})); }""", [selector, value])

    def attribute(self, selector: str, name: str) -> str | None:
        return self.evaluate("([s, n]) => document.querySelector(s).getAttribute(n)", [selector, name])


# --- Chromium ----------------------------------------------------------------------------------------------
class ChromiumPage(Page):
    engine = "chromium"

    def __init__(self, browser, service_workers: bool):
        self._context = browser.new_context()
        if not service_workers:
            self._context.add_init_script(NO_SERVICE_WORKERS_JS)
        self._page = self._context.new_page()

    def _evaluate_json(self, expression: str) -> str:
        return self._page.evaluate(expression)

    def goto(self, url: str) -> None:
        self._page.goto(url)

    def reload(self) -> None:
        self._page.reload()

    def click(self, selector: str) -> None:
        self._page.click(selector)

    def select(self, selector: str, value: str) -> None:
        self._page.select_option(selector, value=value)

    def close(self) -> None:
        self._context.close()


class Chromium:
    def __init__(self, browser):
        self._browser = browser

    def new_page(self, service_workers: bool = True) -> Page:
        return ChromiumPage(self._browser, service_workers)

    def close(self) -> None:
        pass  # the `browser` fixture closes it


# --- WebKit --------------------------------------------------------------------------------------------------
class Xvfb:
    """A virtual X display on a free number (Xvfb -displayfd), for a machine with no DISPLAY."""

    def __init__(self):
        read, write = os.pipe()
        self._process = subprocess.Popen([XVFB, "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1280x1024x24"],
                                         pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as lines:
            number = lines.readline().strip()
        if not number:
            self.close()
            raise EngineMissing("Xvfb did not start a display")
        self.display = f":{number}"
        atexit.register(self.close)  # a test run that dies leaves no X server behind

    def close(self) -> None:
        atexit.unregister(self.close)
        if self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=10)


class WebKitPage(Page):
    engine = "webkit"

    def __init__(self, env: dict[str, str], service_workers: bool, page_cache: bool = True):
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        if not service_workers:
            options.add_argument("--features=-ServiceWorkers")  # a WebKit feature flag: no navigator.serviceWorker
        if not page_cache:  # a MiniBrowser option (WebKitSettings): a page left is not kept for "back"
            options.add_argument("--enable-page-cache=false")
        self._log = tempfile.NamedTemporaryFile(prefix="webkit-driver-", suffix=".log")
        service = Service(executable_path=WEBKIT_DRIVER, env=env, log_output=self._log.name)
        # Selenium waits for WebKitWebDriver without limit by default (the socket's default timeout); a
        # MiniBrowser that died would hang the run. Its client reads that default when the driver is made.
        default = socket.getdefaulttimeout()
        socket.setdefaulttimeout(WAIT_S * 3)
        try:
            self._driver = webdriver.WebKitGTK(options=options, service=service)
        finally:
            socket.setdefaulttimeout(default)
        self._driver.set_script_timeout(WAIT_S * 2)
        self._driver.set_page_load_timeout(WAIT_S * 2)

    def _call(self, what: str, command, *args):
        """A WebDriver command; when it fails, the error says what WebKitWebDriver logged."""
        try:
            return command(*args)
        except Exception as error:
            raise AssertionError(f"webkit: {what} failed: {error}\nWebKitWebDriver's log:\n{self.driver_log()}") from error

    def _evaluate_json(self, expression: str) -> str:
        return self._call("a script", self._driver.execute_async_script,
                          f"const done = arguments[arguments.length - 1]; ({expression}).then(done,"
                          " (error) => done(JSON.stringify({error: String(error)})));")

    def goto(self, url: str) -> None:
        self._call(f"going to {url}", self._driver.get, url)

    def reload(self) -> None:
        self._call("reload", self._driver.refresh)

    def _element(self, selector: str):
        from selenium.webdriver.common.by import By

        return self._call(f"finding {selector}", self._driver.find_element, By.CSS_SELECTOR, selector)

    def click(self, selector: str) -> None:
        self._call(f"clicking {selector}", self._element(selector).click)

    def select(self, selector: str, value: str) -> None:
        from selenium.webdriver.support.select import Select

        self._call(f"selecting {value} in {selector}", Select(self._element(selector)).select_by_value, value)

    def driver_log(self) -> str:
        with open(self._log.name, encoding="utf-8", errors="replace") as log:
            return log.read()[-3000:]

    def close(self) -> None:
        try:
            self._driver.quit()
        finally:
            self._log.close()


class WebKit:
    """Each page is its own WebDriver session: a MiniBrowser process with an ephemeral profile."""

    def __init__(self):
        for path in (WEBKIT_DRIVER, MINIBROWSER):
            if not Path(path).exists():
                raise EngineMissing(f"WebKit is not installed ({path} missing): apt-get install webkit2gtk-driver")
        try:
            import selenium  # noqa: F401
        except ImportError as error:
            raise EngineMissing("selenium is not installed: make venv (pip install -e '.[test]')") from error
        self._xvfb: Xvfb | None = None
        env = dict(os.environ)
        if not env.get("DISPLAY"):
            if not Path(XVFB).exists():
                raise EngineMissing("no DISPLAY and no Xvfb for WebKit: apt-get install xvfb xauth")
            self._xvfb = Xvfb()
            env["DISPLAY"] = self._xvfb.display
        self._env = env

    def new_page(self, service_workers: bool = True, page_cache: bool = True) -> Page:
        """`page_cache=False`: WebKit's back-forward cache off (scripts/quality/engine_bench.py's warm visits)."""
        return WebKitPage(self._env, service_workers, page_cache)

    def close(self) -> None:
        if self._xvfb:
            self._xvfb.close()


# --- Firefox -------------------------------------------------------------------------------------------------
class FirefoxDriver:
    """One firefox-esr run by tests/browser/firefox_driver.mjs, with these preferences."""

    def __init__(self, prefs: dict[str, Any]):
        self._log = tempfile.TemporaryFile()
        self._process = subprocess.Popen(["node", str(FIREFOX_DRIVER)], cwd=ROOT, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._log, text=True, encoding="utf-8")
        self._replies: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self._last = 0
        self.version = self.call("launch", executablePath=FIREFOX, prefs={**FIREFOX_PREFS, **prefs})

    def _read(self) -> None:
        assert self._process.stdout
        for line in self._process.stdout:
            self._replies.put(line)
        self._replies.put("")  # the driver ended

    def _stderr(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-3000:]

    def call(self, op: str, timeout: float = WAIT_S * 2, **params: Any) -> Any:
        assert self._process.stdin
        self._last += 1
        self._process.stdin.write(json.dumps({"id": self._last, "op": op, **params}) + "\n")
        self._process.stdin.flush()
        try:
            line = self._replies.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"firefox: no answer to {op} in {timeout:.0f} s") from None
        if not line:
            raise AssertionError(f"firefox: the driver ended during {op}:\n{self._stderr()}")
        reply = json.loads(line)
        assert reply["id"] == self._last, reply
        if "error" in reply:
            raise AssertionError(f"firefox: {op} failed: {reply['error']}")
        return reply["ok"]

    def close(self) -> None:
        if self._process.poll() is None:
            assert self._process.stdin
            self._process.stdin.close()
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._log.close()


class FirefoxPage(Page):
    engine = "firefox"

    def __init__(self, driver: FirefoxDriver):
        self._driver = driver
        self._id = driver.call("newPage")

    def _evaluate_json(self, expression: str) -> str:
        return self._driver.call("evaluate", page=self._id, expression=expression)

    def goto(self, url: str) -> None:
        self._driver.call("goto", page=self._id, url=url)

    def reload(self) -> None:
        self._driver.call("reload", page=self._id)

    def click(self, selector: str) -> None:
        self._driver.call("click", page=self._id, selector=selector)

    def select(self, selector: str, value: str) -> None:
        self._driver.call("select", page=self._id, selector=selector, value=value)

    def close(self) -> None:
        self._driver.call("closePage", page=self._id)


class Firefox:
    """One Firefox per set of preferences (started when first asked for), a browser context per page."""

    def __init__(self):
        if not Path(FIREFOX).exists():
            raise EngineMissing(f"Firefox is not installed ({FIREFOX} missing): apt-get install firefox-esr")
        if not shutil.which("node"):
            raise EngineMissing("node is not installed: apt-get install nodejs npm")
        if not (ROOT / "node_modules" / "puppeteer-core").exists():
            raise EngineMissing("puppeteer-core is not installed: make node (npm ci)")
        self._drivers: dict[bool, FirefoxDriver] = {}

    def new_page(self, service_workers: bool = True) -> Page:
        if service_workers not in self._drivers:
            prefs = {} if service_workers else {"dom.serviceWorkers.enabled": False}
            self._drivers[service_workers] = FirefoxDriver(prefs)
        return FirefoxPage(self._drivers[service_workers])

    def close(self) -> None:
        for driver in self._drivers.values():
            driver.close()


def launch(name: str, chromium_browser=None):
    """The engine called ``name`` (one of ENGINES); Chromium wraps the Playwright browser given."""
    if name == "chromium":
        return Chromium(chromium_browser)
    if name == "webkit":
        return WebKit()
    if name == "firefox":
        return Firefox()
    raise ValueError(name)
