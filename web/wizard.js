/* The in-browser registration wizard: form, result, URL fragment, calendar file, photo check.
 *
 * Included only by docs/wizard/index.md and index.en.md (so no other page loads the runtime). Routing
 * (which questions) comes from questions.json, every sentence from i18n/<lang>.json and the engine's own
 * bilingual texts; this file holds logic only. The engine runs in worker.js (Pyodide, a Web Worker).
 *
 * Public API (for integrators and tests), on the wizard page:
 *   window.registrationWizard.check(caseObject) -> Promise
 *       resolves with the report, deep-equal to what `python -m wizard check` prints on stdout;
 *       REJECTS with the error object the CLI prints on stderr for an invalid case (exit 2), e.g.
 *       {"error": "invalid_case", "field": "answers.realname_l4", "message": {"zh": "…", "en": "…"}}.
 *       (A runtime that cannot load rejects with {"error": "runtime_unavailable", "detail": "…"}.)
 *   window.registrationWizard.explain(caseObject) -> Promise of wizard.explain(case) (same rejection)
 *   window.registrationWizard.ready -> Promise of {ms, ruleDataVersion} once the engine can answer
 *   window.registrationWizard.questions -> Promise of questions.json
 *
 * URL fragment: #v=<rule data version>&province=…&profession=…&action=…&<answer id>=<value>…
 * (values: text as is, true/false, numbers, null for "open-ended"; optional today=YYYY-MM-DD).
 */
(function () {
  "use strict";

  const script = document.currentScript;
  const root = document.getElementById("wizard");
  const APP = new URL("./", script.src);
  const ASSETS = new URL("../", APP);
  const lang = root.getAttribute("data-lang") === "en" ? "en" : "zh";
  const RESERVED = ["v", "province", "profession", "action", "today"];
  const t0 = performance.now();

  // 1. Start the engine first: it is the slow part. The page compiles the runtime's .wasm itself and hands the
  // compiled module to the worker: compiling here lets Chrome keep the compiled code with the HTTP cache entry
  // (a dedicated worker gets no such code cache, so every visit would compile 9 MB again), and
  // compileStreaming compiles off the main thread while the file downloads.
  const hasWasm = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
  let worker = null;
  let bootError = hasWasm ? null : "no-webassembly";
  let compiled = null;
  if (hasWasm) {
    try { worker = new Worker(new URL("worker.js", APP)); } catch (e) { bootError = String(e); }
  }
  if (worker && typeof WebAssembly.compileStreaming === "function") {
    const wasmUrl = new URL("pyodide/pyodide.asm.wasm", ASSETS).href;
    const download = () => fetch(wasmUrl).then((r) => {
      if (!r.ok) throw new Error(`pyodide.asm.wasm: HTTP ${r.status}`);
      return r;
    });
    compiled = WebAssembly.compileStreaming(download()).catch((error) => {
      // A host that serves .wasm without Content-Type application/wasm: compile from the bytes instead.
      if (!(error instanceof TypeError) || /fetch|HTTP/i.test(String(error.message))) throw error;
      return download().then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes));
    });
    compiled.catch(() => {});
  }

  // The form's data: written into the page at build time (hooks/wizard_assets.py), so the form renders
  // without waiting for a request; fetched from /wizard-assets/ when the page was built without it.
  const fetchJSON = (url) => fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.json();
  });
  const inline = (() => {
    const node = document.getElementById("wizard-data");
    try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
  })();
  const manifestP = inline.manifest ? Promise.resolve(inline.manifest) : fetchJSON(new URL("manifest.json", ASSETS));
  const questionsP = inline.questions ? Promise.resolve(inline.questions) : fetchJSON(new URL("questions.json", ASSETS));
  const textsP = inline.texts ? Promise.resolve(inline.texts) : fetchJSON(new URL(`i18n/${lang}.json`, APP));

  // Chromium re-requests the favicon (from its cache) on every same-document URL change, i.e. on every answer
  // written to the fragment. Inline it once while loading, so answering makes no request at all.
  document.querySelectorAll('link[rel~="icon"][href$=".svg"]').forEach((link) => {
    fetch(link.href).then((r) => (r.ok ? r.text() : null)).then((svg) => {
      if (svg) link.href = "data:image/svg+xml," + encodeURIComponent(svg);
    }, () => {});
  });

  // 2. Requests to the worker.
  let nextId = 1;
  const pending = new Map();
  let engineReady = false;
  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  ready.catch(() => {});
  let lastProgress = performance.now();
  const listeners = { progress: [], ready: [], failed: [] };

  function request(type, caseObject) {
    if (!worker) return Promise.reject({ error: "runtime_unavailable", detail: bootError });
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, type, json: JSON.stringify(caseObject === undefined ? null : caseObject) });
    });
  }

  let failed = false;
  function failAll(reason) {
    if (failed) return; // the page and the worker may both report the same failure
    failed = true;
    bootError = reason;
    rejectReady({ error: "runtime_unavailable", detail: reason });
    pending.forEach(({ reject }) => reject({ error: "runtime_unavailable", detail: reason }));
    pending.clear();
    listeners.failed.forEach((f) => f(reason));
  }

  if (worker) {
    manifestP.then((manifest) => {
      worker.postMessage({ type: "manifest", manifest, wasmFromPage: !!compiled });
      if (compiled) {
        compiled.then((module) => worker.postMessage({ type: "wasm", module }), (error) => {
          const reason = String(error && error.message || error);
          worker.postMessage({ type: "wasm", error: reason });
          failAll(/pyodide\.asm\.wasm/.test(reason) ? reason : `pyodide.asm.wasm: ${reason}`);
        });
      }
    }, (e) => failAll(String(e)));
    worker.onmessage = (event) => {
      const m = event.data;
      if (m.id) {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (m.ok) p.resolve(m.text !== undefined ? JSON.parse(m.text) : m.value); else p.reject(m.error);
        return;
      }
      if (m.type === "progress") { lastProgress = performance.now(); listeners.progress.forEach((f) => f(m)); }
      if (m.type === "ready") {
        engineReady = true;
        performance.mark("wizard-engine-ready");
        const info = { ms: performance.now() - t0, workerMs: m.ms, phases: m.phases, ruleDataVersion: m.ruleDataVersion };
        resolveReady(info);
        listeners.ready.forEach((f) => f(info));
      }
      if (m.type === "failed") failAll(m.reason);
    };
    worker.onerror = (event) => { event.preventDefault(); failAll(event.message || "worker error"); };
  }

  window.registrationWizard = {
    check: (caseObject) => request("check", caseObject),
    explain: (caseObject) => request("explain", caseObject),
    ready,
    questions: questionsP,
  };

  // 3. The page.
  Promise.all([questionsP, textsP, manifestP]).then(([Q, T, manifest]) => start(Q, T, manifest), (error) => {
    root.querySelector(".wizard-status").textContent = String(error);
    root.querySelector(".wizard-fallback").hidden = false;
  });

  function start(Q, T, manifest) {
    const el = (tag, attrs, ...children) => {
      const node = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs || {})) {
        if (v === null || v === undefined || v === false) continue;
        if (k === "text") node.textContent = v;
        else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? "" : v);
      }
      children.flat(Infinity).forEach((c) => { if (c !== null && c !== undefined && c !== false) node.append(c); });
      return node;
    };
    const fmt = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => (k in values ? values[k] : `{${k}}`));
    const guideHref = (source) => {
      const [path, anchor] = source.split("#");
      const page = path.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/");
      return "../" + page + (anchor ? "#" + anchor : "");
    };
    const guideLink = (source, label) => el("a", { href: guideHref(source), class: "wizard-guide" }, label || T.guide_link);
    const dateFmt = new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    const weekdayFmt = new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", { weekday: "long", timeZone: "UTC" });
    const asDate = (iso) => { const [y, m, d] = iso.split("-").map(Number); return new Date(Date.UTC(y, m - 1, d)); };
    const showDate = (iso) => fmt(T.weekday_format, { date: dateFmt.format(asDate(iso)), weekday: weekdayFmt.format(asDate(iso)) });

    const status = root.querySelector(".wizard-status");
    const fallback = root.querySelector(".wizard-fallback");
    const form = root.querySelector(".wizard-form");
    const result = root.querySelector(".wizard-result");
    form.textContent = "";
    const state = { province: "", profession: "", action: "", answers: {}, today: null, linkVersion: null };
    const currentVersion = manifest.rule_data_version;

    // ----- loading / failure messages -----
    function showFallback(message) {
      status.textContent = message;
      fallback.textContent = "";
      fallback.append(el("ul", {}, T.fallback_links.map((l) => el("li", {}, el("a", { href: l.href }, l.text)))));
      fallback.hidden = false;
      root.setAttribute("data-wizard-state", "failed");
    }
    const totalMB = (Object.entries(manifest.files).filter(([f]) => (f.startsWith("pyodide/") && !f.endsWith(".map")) || manifest.wheels.includes(f))
      .reduce((s, [, v]) => s + v.size, 0) / 1048576).toFixed(1);
    if (bootError) showFallback(bootError === "no-webassembly" ? T.no_wasm : fmt(T.failed, { reason: bootError }));
    else status.textContent = fmt(T.loading_start, { total: totalMB });
    listeners.progress.push((m) => {
      if (engineReady || bootError) return;
      status.textContent = m.total ? fmt(T.loading, { file: m.file, left: ((m.total - m.loaded) / 1048576).toFixed(1) }) : T.loading_engine;
    });
    listeners.failed.push((reason) => showFallback(reason === "no-webassembly" ? T.no_wasm : fmt(T.failed, { reason })));
    listeners.ready.push(() => {
      status.textContent = T.ready;
      if (root.getAttribute("data-wizard-state") === "slow") fallback.hidden = true;
      root.setAttribute("data-wizard-state", "ready");
      evaluate();
    });
    // No endless spinner: 8 s without any progress shows the guide's checklist (loading goes on).
    const watchdog = setInterval(() => {
      if (engineReady || bootError) { clearInterval(watchdog); return; }
      if (performance.now() - lastProgress > 8000) {
        showFallback(T.slow);
        root.setAttribute("data-wizard-state", "slow");
        clearInterval(watchdog);
      }
    }, 500);

    // ----- fragment -----
    function specOf(id) { return (Q.answers[state.province] || {})[id]; }
    function formKey() { return `${state.province}/${state.profession}/${state.action}`; }
    function currentForm() { return Q.forms[formKey()] || null; }
    function encodeValue(v) { return v === null ? "null" : String(v); }
    function decodeValue(spec, raw) {
      if (!spec) return raw;
      if (spec.type === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
      if (spec.type === "number") return raw === "" || isNaN(Number(raw)) ? raw : Number(raw);
      if (spec.type === "date_or_null" && raw === "null") return null;
      return raw;
    }
    function toFragment() {
      const p = new URLSearchParams();
      p.set("v", currentVersion);
      for (const k of ["province", "profession", "action"]) if (state[k]) p.set(k, state[k]);
      if (state.today) p.set("today", state.today);
      for (const [k, v] of Object.entries(state.answers)) p.set(k, encodeValue(v));
      return "#" + p.toString();
    }
    function fromFragment(hash) {
      const p = new URLSearchParams(hash.replace(/^#/, ""));
      state.province = p.get("province") || "";
      state.profession = p.get("profession") || "";
      state.action = p.get("action") || "";
      state.today = p.get("today");
      state.linkVersion = p.get("v");
      state.answers = {};
      for (const [k, raw] of p.entries()) {
        if (RESERVED.includes(k)) continue;
        state.answers[k] = decodeValue(specOf(k), raw);
      }
    }
    function syncLanguageLinks() {
      const hash = location.hash;
      document.querySelectorAll("a[hreflang]").forEach((a) => {
        const href = a.getAttribute("href"); // the language switcher: this page in the other language
        if (href) a.setAttribute("href", href.split("#")[0] + hash);
      });
    }
    function writeFragment() {
      const hash = toFragment();
      if (location.hash !== hash) history.replaceState(null, "", hash);
      syncLanguageLinks();
    }

    // ----- form -----
    const caseBox = el("fieldset", { class: "wizard-case" }, el("legend", {}, T.case_legend));
    const questionsBox = el("div", { class: "wizard-questions" });
    form.append(caseBox, questionsBox);
    const selects = {};
    for (const key of ["province", "profession", "action"]) {
      const select = el("select", { id: `q-${key}`, name: key, "aria-describedby": `e-${key}` });
      select.addEventListener("change", () => {
        state[key] = select.value;
        normaliseCase();
        renderCaseSelects();
        renderQuestions();
        changed(true);
      });
      selects[key] = select;
      caseBox.append(el("div", { class: "wizard-field" },
        el("label", { for: `q-${key}` }, T[key]), select,
        el("p", { class: "wizard-error", id: `e-${key}`, hidden: true })));
    }
    function normaliseCase() {
      const prov = Q.provinces[state.province];
      if (!prov) { state.province = ""; state.profession = ""; state.action = ""; return; }
      if (!prov.professions.includes(state.profession)) state.profession = prov.professions.length === 1 ? prov.professions[0] : "";
      if (state.action && !Q.forms[formKey()]) state.action = "";
    }
    function fillSelect(select, values, labels, value) {
      select.textContent = "";
      select.append(el("option", { value: "" }, T.choose));
      values.forEach((v) => select.append(el("option", { value: v }, labels[v].label[lang])));
      select.value = values.includes(value) ? value : "";
      select.disabled = values.length === 0;
    }
    function renderCaseSelects() {
      fillSelect(selects.province, Object.keys(Q.provinces), Q.provinces, state.province);
      const prov = Q.provinces[state.province];
      fillSelect(selects.profession, prov ? prov.professions : [], Q.professions, state.profession);
      const actions = prov && state.profession ? prov.actions.filter((a) => Q.forms[`${state.province}/${state.profession}/${a}`]) : [];
      fillSelect(selects.action, actions, Q.actions, state.action);
    }

    let textTimer = null;
    function setAnswer(id, value, debounce) {
      if (value === undefined) delete state.answers[id]; else state.answers[id] = value;
      clearTimeout(textTimer);
      if (debounce) textTimer = setTimeout(() => changed(false), 150);
      else changed(false);
    }

    function choiceGroup(id, spec, options, required) {
      // Radio buttons in their own fieldset; the legend is the question.
      const box = el("fieldset", { class: "wizard-question", id: `q-${id}`, tabindex: "-1", "aria-describedby": `h-${id} e-${id}` },
        el("legend", {}, spec.label[lang], required ? "" : T.optional));
      const name = `r-${id}`;
      options.forEach(([value, label]) => {
        const input = el("input", { type: "radio", name, id: `q-${id}-${String(value)}`, value: encodeValue(value) });
        input.addEventListener("change", () => { if (input.checked) setAnswer(id, value === "__unset__" ? undefined : value); });
        box.append(el("div", { class: "wizard-choice" }, input, el("label", { for: `q-${id}-${String(value)}` }, label)));
      });
      return box;
    }

    function questionNode(id, required) {
      const spec = specOf(id);
      const help = el("p", { class: "wizard-help", id: `h-${id}` }, spec.help && spec.help[lang] ? spec.help[lang] + " " : "",
        spec.guide ? guideLink(spec.guide) : "");
      const error = el("p", { class: "wizard-error", id: `e-${id}`, hidden: true });
      let control;
      if (spec.type === "boolean") {
        const options = [[true, T.yes], [false, T.no]];
        if (!required) options.push(["__unset__", T.unsure]);
        control = choiceGroup(id, spec, options, required);
      } else if (spec.type === "enum" && spec.enum.length <= 4) {
        control = choiceGroup(id, spec, spec.enum.map((v) => [v, spec.enum_labels[v][lang]]), required);
      } else {
        const label = el("label", { for: `q-${id}` }, spec.label[lang], required ? "" : T.optional);
        let input;
        if (spec.type === "enum") {
          input = el("select", { id: `q-${id}` }, el("option", { value: "" }, T.choose),
            spec.enum.map((v) => el("option", { value: v }, spec.enum_labels[v][lang])));
          input.addEventListener("change", () => setAnswer(id, input.value || undefined));
        } else if (spec.type === "date" || spec.type === "date_or_null") {
          input = el("input", { type: "date", id: `q-${id}` });
          input.addEventListener("change", () => setAnswer(id, input.value || (state.answers[id] === null ? null : undefined)));
        } else if (spec.type === "number") {
          input = el("input", { type: "number", id: `q-${id}`, min: spec.min ?? null, step: "any", inputmode: "decimal" });
          input.addEventListener("input", () => setAnswer(id, input.value === "" ? undefined : Number(input.value), true));
        } else {
          input = el("input", { type: "text", id: `q-${id}`, autocomplete: "off", spellcheck: "false" });
          input.addEventListener("input", () => setAnswer(id, input.value.trim() === "" ? undefined : input.value.trim(), true));
        }
        input.setAttribute("aria-describedby", `h-${id} e-${id}`);
        if (required) input.setAttribute("aria-required", "true");
        control = el("div", { class: "wizard-question" }, label, input);
        if (spec.type === "date_or_null") {
          const open = el("input", { type: "checkbox", id: `q-${id}-open` });
          open.addEventListener("change", () => {
            input.disabled = open.checked;
            setAnswer(id, open.checked ? null : (input.value || undefined));
          });
          control.append(el("div", { class: "wizard-choice" }, open, el("label", { for: `q-${id}-open` }, T.open_ended)));
        }
      }
      control.append(help, error);
      return control;
    }

    function photoPicker() {
      const input = el("input", { type: "file", id: "q-photo-file", accept: ".jpg,.jpeg,.png,image/jpeg,image/png" });
      const out = el("p", { class: "wizard-help", id: "h-photo-file", "aria-live": "polite" });
      input.setAttribute("aria-describedby", "h-photo-file");
      input.addEventListener("change", async () => {
        const file = input.files && input.files[0];
        if (!file) return;
        const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
        const isJpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
        const isPng = head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47;
        const format = isJpeg ? "jpg" : isPng ? "png" : "other";
        const ext = (file.name.split(".").pop() || "").toLowerCase();
        const byExt = ["jpg", "jpeg"].includes(ext) ? "jpg" : ext === "png" ? "png" : "other";
        const sizeKb = file.size / 1024; // KB = 1024 bytes, exact (no rounding across the 50 KB boundary)
        out.textContent = fmt(T.photo_result, { name: file.name, format: T.photo_formats[format], size: sizeKb.toFixed(1) }) +
          (byExt !== format ? " " + fmt(T.photo_ext_mismatch, { format: T.photo_formats[format] }) : "");
        state.answers.photo_format = format;
        state.answers.photo_size_kb = sizeKb;
        syncInputs();
        changed(false);
      });
      return el("div", { class: "wizard-question wizard-photo" }, el("label", { for: "q-photo-file" }, T.photo_pick), input, out);
    }

    function renderQuestions() {
      questionsBox.textContent = "";
      const fields = currentForm();
      if (!fields) return;
      const groups = new Map();
      fields.forEach(({ id, required }) => {
        const g = specOf(id).group || "other";
        if (!groups.has(g)) groups.set(g, []);
        groups.get(g).push([id, required]);
      });
      for (const [g, items] of groups) {
        const box = el("fieldset", { class: "wizard-group" }, el("legend", {}, (T.groups && T.groups[g]) || g));
        if (g === "photo") box.append(photoPicker());
        items.forEach(([id, required]) => box.append(questionNode(id, required)));
        questionsBox.append(box);
      }
      syncInputs();
    }

    function syncInputs() {
      const fields = currentForm() || [];
      for (const { id } of fields) {
        const spec = specOf(id);
        const value = state.answers[id];
        if (spec.type === "boolean" || (spec.type === "enum" && spec.enum.length <= 4)) {
          const wanted = value === undefined ? (spec.type === "boolean" ? "__unset__" : null) : encodeValue(value);
          root.querySelectorAll(`input[name="r-${id}"]`).forEach((r) => { r.checked = r.value === wanted; });
        } else {
          const input = document.getElementById(`q-${id}`);
          if (!input) continue;
          if (spec.type === "date_or_null") {
            const open = document.getElementById(`q-${id}-open`);
            open.checked = value === null;
            input.disabled = value === null;
          }
          const shown = value === undefined || value === null ? "" : String(value);
          if (input.value !== shown && document.activeElement !== input) input.value = shown;
        }
      }
    }

    // ----- evaluation -----
    let seq = 0;
    let rendered = 0;
    let lastCase = null;
    function buildCase() {
      const fields = currentForm();
      if (!fields) return { missing: null };
      const answers = {};
      const missing = [];
      for (const { id, required } of fields) {
        if (id in state.answers) answers[id] = state.answers[id];
        else if (required) missing.push(id);
      }
      const c = { province: state.province, profession: state.profession, action: state.action, answers };
      if (state.today) c.today = state.today;
      return { case: c, missing };
    }
    function changed(caseChanged) {
      // The engine gets the new case first; the URL (history.replaceState, ~1 ms) is written once the result
      // is on screen, in the same task, so it never delays the result.
      const answered = evaluate();
      if (answered) answered.then(writeFragment, writeFragment); else writeFragment();
    }
    let errorsShown = true; // errors from an earlier page state may be on screen until the first clear
    function clearErrors() {
      if (!errorsShown) return;
      errorsShown = false;
      root.querySelectorAll(".wizard-error").forEach((e) => { e.hidden = true; e.textContent = ""; });
      root.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
    }
    function evaluate() {
      const built = buildCase();
      if (built.case && !built.missing.length && !bootError && engineReady) {
        lastCase = built.case;
        const mine = ++seq;
        const sentAt = performance.now();
        const answered = request("explain", built.case).then(
          (explained) => { if (mine > rendered) { rendered = mine; renderResult(explained, built.case, sentAt); } },
          (error) => { if (mine > rendered) { rendered = mine; renderError(error); } });
        clearErrors(); // while the engine computes; its answer comes in a later task
        return answered;
      }
      clearErrors();
      if (!built.case) { renderMessage(T.start_hint); return; }
      if (built.missing.length) { renderMissing(built.missing); return; }
      if (bootError) return;
      lastCase = built.case;
      if (!engineReady) { renderMessage(T.waiting); return; } // evaluated on "ready"
    }

    // The result region. A result is drawn in sections (verdict, findings, dates, what would change it,
    // checklist, actions); after an answer changes, only the sections whose content changed are rebuilt.
    let shown = null; // {layout, live, parts: {name: [key, wrapper]}} while a result is on screen
    function resultShell() {
      shown = null;
      result.textContent = "";
      const live = el("div", { class: "wizard-live", "aria-live": "polite", "aria-atomic": "true" });
      result.append(el("h2", { id: "wizard-result-heading" }, T.result_heading), live);
      if (state.linkVersion && state.linkVersion !== currentVersion) {
        result.insertBefore(el("div", { class: "admonition warning wizard-version-notice", role: "note" },
          el("p", {}, fmt(T.old_version, { old: state.linkVersion, new: currentVersion }))), live);
      }
      return live;
    }
    function renderMessage(text) {
      const live = resultShell();
      live.append(el("p", { class: "wizard-verdict wizard-pending" }, text));
      result.setAttribute("data-state", "pending");
    }
    function renderMissing(missing) {
      const live = resultShell();
      live.append(el("p", { class: "wizard-pending" }, T.missing_heading),
        el("ul", {}, missing.map((id) => el("li", {}, el("a", { href: `#q-${id}`, onclick: (e) => {
          e.preventDefault();
          const target = document.getElementById(`q-${id}`);
          const focusable = target.matches("input,select") ? target : target.querySelector("input,select");
          (focusable || target).focus();
        } }, specOf(id).label[lang])))));
      result.setAttribute("data-state", "missing");
    }
    function renderError(error) {
      const live = resultShell();
      if (error && error.error === "invalid_case") {
        const id = (error.field || "").replace(/^answers\./, "");
        const slot = error.field ? document.getElementById(`e-${id}`) : null;
        if (slot) {
          errorsShown = true;
          slot.textContent = error.message[lang];
          slot.hidden = false;
          const input = document.getElementById(`q-${id}`);
          if (input) input.setAttribute("aria-invalid", "true");
        }
        live.append(el("p", { class: "wizard-verdict wizard-invalid" }, T.invalid_general + error.message[lang]));
        result.setAttribute("data-state", "invalid");
      } else {
        live.append(el("p", { class: "wizard-verdict" }, T.internal_error));
        result.append(el("ul", {}, T.fallback_links.map((l) => el("li", {}, el("a", { href: l.href }, l.text)))));
        result.setAttribute("data-state", "error");
      }
    }

    const setAttr = (node, name, value) => { if (node.getAttribute(name) !== value) node.setAttribute(name, value); };
    let current = null; // the result on screen: {report, explained}, read by the calendar button
    function renderResult(explained, caseObject, sentAt) {
      const report = explained.report;
      current = { report, explained };
      const layout = `${state.linkVersion}`;
      if (!shown || shown.layout !== layout) shown = { layout, live: resultShell(), parts: {} };
      const dateKeys = Object.keys(report.dates);
      const estimatedNotes = report.findings.filter((f) => /estimated/.test(f.rule));
      const items = checklist(report, caseObject);
      const changes = explained.what_would_change || [];
      const sections = [
        ["verdict", report.verdict, () =>
          el("p", { class: `wizard-verdict wizard-verdict-${report.verdict}` }, T.verdict[report.verdict])],
        ["findings", report.findings, () => [el("h3", {}, T.findings_heading), el("ul", { class: "wizard-findings" },
          report.findings.map((f) => el("li", { class: `wizard-finding wizard-${f.status}`, "data-rule": f.rule, "data-status": f.status },
            el("span", { class: "wizard-badge" }, T.status[f.status]), " ", f.text[lang], " ", guideLink(f.source))))]],
        ["dates", [report.dates, report.estimated, dateKeys.map((k) => explained.dates[k]), estimatedNotes.map((f) => f.text)],
          () => dateKeys.length ? renderDates(report, explained, dateKeys, estimatedNotes) : []],
        ["changes", changes, () => changes.length ? [el("h3", {}, T.changes_heading),
          el("ul", { class: "wizard-changes" }, changes.map((c) => el("li", {}, c.text[lang])))] : []],
        ["checklist", items, () => items.length ? [el("h3", {}, T.checklist_heading), el("ul", { class: "wizard-checklist" },
          items.map((item) => el("li", {}, item.text, " ", item.guide ? guideLink(item.guide) : "")))] : []],
        ["actions", dateKeys.length > 0, () => {
          const actions = el("p", { class: "wizard-actions" });
          if (dateKeys.length) {
            actions.append(el("button", { type: "button", class: "md-button",
              onclick: () => downloadIcs(current.report, current.explained) }, T.ics_button), " ");
          }
          actions.append(el("button", { type: "button", class: "md-button", onclick: () => window.print() }, T.print_button));
          return actions;
        }],
      ];
      for (const [name, data, build] of sections) {
        const key = JSON.stringify(data);
        let part = shown.parts[name];
        if (!part) { // wrappers are made once per layout, in this order; the verdict goes in the live region
          part = shown.parts[name] = [null, name === "verdict" ? shown.live : el("div", { class: `wizard-part wizard-part-${name}` })];
          if (name !== "verdict") result.append(part[1]);
        }
        if (part[0] === key) continue;
        part[1].replaceChildren(...[build()].flat());
        part[0] = key;
      }
      setAttr(result, "data-state", "result");
      setAttr(result, "data-verdict", report.verdict);
      root.setAttribute("data-result-seq", String(seq));
      if (!performance.getEntriesByName("wizard-first-verdict").length) performance.mark("wizard-first-verdict");
      document.dispatchEvent(new CustomEvent("wizard:result", { detail: { report, ms: performance.now() - sentAt } }));
    }

    function renderDates(report, explained, dateKeys, estimatedNotes) {
      return [el("h3", {}, T.dates_heading), el("dl", { class: "wizard-dates" }, dateKeys.map((key) => {
        const info = explained.dates[key] || {};
        const estimated = report.estimated.includes(key);
        const details = el("details", { class: "wizard-how" }, el("summary", {}, T.how_computed));
        if (info.how) details.append(el("p", {}, info.how[lang]));
        if (info.days) {
          const skipped = info.days.filter((d) => !d.counted);
          const makeup = info.days.filter((d) => d.kind === "makeup_workday");
          details.append(el("p", {}, fmt(T.counted_days, { n: info.days.filter((d) => d.counted).length })));
          if (skipped.length) details.append(el("p", {}, T.skipped_days, skipped.map((d) => `${showDate(d.date)} ${d.label[lang]}`).join(lang === "zh" ? "；" : "; ")));
          if (makeup.length) details.append(el("p", {}, T.makeup_days, makeup.map((d) => `${showDate(d.date)} ${d.label[lang]}`).join(lang === "zh" ? "；" : "; ")));
        }
        if (info.law) details.append(el("p", {}, T.basis, info.law[lang]));
        return [
          el("dt", { "data-date": key }, T.date_labels[key] || key),
          el("dd", { "data-date": key }, el("time", { datetime: report.dates[key] }, showDate(report.dates[key])),
            estimated ? [" ", el("span", { class: "wizard-estimated" }, T.estimated)] : "",
            estimated && estimatedNotes.length ? el("p", { class: "wizard-estimated-reason" }, T.estimated_reason, estimatedNotes.map((f) => f.text[lang]).join(" ")) : "",
            details),
        ];
      }))];
    }

    // Checklist: steps from the findings that need action, then the fixed steps of this procedure from i18n data.
    function checklist(report, caseObject) {
      const items = [];
      report.findings.filter((f) => f.status === "action").forEach((f) => items.push({ text: f.text[lang], guide: f.source }));
      const data = T.checklist || {};
      const keys = [`${caseObject.province}`, `${caseObject.province}/${caseObject.action}`, `${caseObject.province}/${caseObject.profession}/${caseObject.action}`];
      keys.forEach((k) => (data[k] || []).forEach((item) => {
        if (item.when && !item.when.every((cond) => matches(cond, report, caseObject))) return;
        items.push(item);
      }));
      return items;
    }
    function matches(cond, report, caseObject) {
      // {"answer": id, "is": value} | {"rule": id, "status": s}
      if (cond.answer) return caseObject.answers[cond.answer] === cond.is;
      if (cond.rule) return report.findings.some((f) => f.rule === cond.rule && f.status === cond.status);
      return true;
    }

    // ----- .ics (RFC 5545): all-day events, two reminders each, CRLF, folded lines -----
    function icsEscape(s) { return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n"); }
    function fold(line) {
      const out = [];
      let current = "";
      let bytes = 0;
      for (const ch of line) {
        const n = new TextEncoder().encode(ch).length;
        if (bytes + n > (out.length ? 74 : 75)) { out.push(current); current = ""; bytes = 0; }
        current += ch;
        bytes += n;
      }
      out.push(current);
      return out.join("\r\n ");
    }
    function compact(iso) { return iso.replace(/-/g, ""); }
    function nextDay(iso) { const d = asDate(iso); d.setUTCDate(d.getUTCDate() + 1); return d.toISOString().slice(0, 10); }
    function downloadIcs(report, explained) {
      const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
      const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//registration-wizard//wizard//" + lang.toUpperCase(),
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + icsEscape(T.ics_name)];
      for (const [key, iso] of Object.entries(report.dates)) {
        const label = T.date_labels[key] || key;
        const summary = label + (report.estimated.includes(key) ? ` (${T.estimated})` : "");
        const rule = (explained.dates[key] || {}).rule;
        const finding = report.findings.find((f) => f.rule === rule);
        lines.push("BEGIN:VEVENT", `UID:${key}-${compact(iso)}-${state.province}-${state.action}@registration-wizard`,
          `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${compact(iso)}`, `DTEND;VALUE=DATE:${compact(nextDay(iso))}`,
          "SUMMARY:" + icsEscape(summary), "TRANSP:TRANSPARENT");
        if (finding) lines.push("DESCRIPTION:" + icsEscape(finding.text[lang]));
        for (const trigger of ["-P7D", "-P1D"]) {
          lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:${trigger}`,
            "DESCRIPTION:" + icsEscape(fmt(T.ics_reminder, { label, date: showDate(iso) })), "END:VALARM");
        }
        lines.push("END:VEVENT");
      }
      lines.push("END:VCALENDAR");
      const text = lines.map(fold).join("\r\n") + "\r\n";
      const blob = new Blob([text], { type: "text/calendar;charset=utf-8" });
      const a = el("a", { href: URL.createObjectURL(blob), download: "registration-dates.ics", hidden: true });
      document.body.append(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }

    // ----- go -----
    // The form shows the answers in the URL fragment: on load, and when the fragment changes (back, a pasted link).
    function loadFromFragment() {
      fromFragment(location.hash);
      normaliseCase();
      renderCaseSelects();
      renderQuestions();
      syncLanguageLinks();
      evaluate();
    }
    loadFromFragment();
    form.hidden = false;
    root.setAttribute("data-form-ready", String(Math.round(performance.now())));
    performance.mark("wizard-form-ready");
    if (root.getAttribute("data-wizard-state") !== "failed") root.setAttribute("data-wizard-state", engineReady ? "ready" : "loading");
    window.addEventListener("hashchange", () => {
      if (location.hash !== toFragment()) loadFromFragment();
    });
  }
})();
