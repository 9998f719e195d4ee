// Firefox for the browser tests: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (there is no
// geckodriver). tests/browser/engines.py starts one of these per Firefox it needs and talks to it in JSON
// lines: it writes {id, op, ...params} on standard input and reads {id, ok: value} or {id, error: text} back on
// standard output, one answer per request, in order. The browser closes when standard input does.
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const WAIT_MS = 120_000; // the machine is shared; the tests' own timeouts decide
let browser = null;
const pages = new Map();
let lastPage = 0;

function pageOf(id) {
  const entry = pages.get(id);
  if (!entry) throw new Error(`no page ${id}`);
  return entry.page;
}

const ops = {
  async launch({ executablePath, prefs }) {
    browser = await puppeteer.launch({
      browser: "firefox", executablePath, headless: true, extraPrefsFirefox: prefs || {},
    });
    return browser.version();
  },
  // A page in its own browser context: no cache, storage or service worker shared with another page.
  async newPage() {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.setDefaultNavigationTimeout(WAIT_MS);
    lastPage += 1;
    pages.set(lastPage, { context, page });
    return lastPage;
  },
  async goto({ page, url }) { await pageOf(page).goto(url); return null; },
  async reload({ page }) { await pageOf(page).reload(); return null; },
  async evaluate({ page, expression }) { return pageOf(page).evaluate(expression); },
  async click({ page, selector }) { await pageOf(page).click(selector); return null; },
  async select({ page, selector, value }) { await pageOf(page).select(selector, value); return null; },
  async closePage({ page }) {
    const entry = pages.get(page);
    pages.delete(page);
    if (entry) await entry.context.close();
    return null;
  },
};

async function quit() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const { id, op, ...params } = JSON.parse(line);
  let reply;
  try {
    if (!ops[op]) throw new Error(`unknown op ${op}`);
    reply = { id, ok: (await ops[op](params)) ?? null };
  } catch (error) {
    reply = { id, error: String((error && error.stack) || error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
await quit();
