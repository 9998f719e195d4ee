// The result region: verdict, findings with their basis, key dates and how they were computed, what
// would change the result, the checklist, and the answers and rule data for the printed copy. Each
// drawing says which case it answers (data-case), so neither the page nor a test takes an earlier result
// for the current one. After an answer changes, only the sections whose content changed are rebuilt.
import { caseKey } from "./case-model.js";
import { el, linkList } from "./dom.js";
import { decidingFindings, fmt, guideHref, localIso, plainDateFormatter, plannedDates } from "./format.js";
import { shareLink } from "./share.js";
import { answerSummary, invalidMessage } from "./messages.js";

export function createResult({ result, Q, T, lang, showDate, onIcs, onFocusQuestion }) {
  const plainDate = plainDateFormatter(lang);
  const guideLink = (source) => el("a", { href: guideHref(source), class: "wizard-guide" }, T.guide_link);
  let shown = null; // {layout, live, parts: {name: [key, wrapper]}} while a result is on screen
  let notices = [];
  let printed = null; // {explained, caseObject, fields} of the result on screen, for beforeprint

  function shell(caseObject) {
    shown = null;
    printed = null;
    result.textContent = "";
    const live = el("div", { class: "wizard-live", "aria-live": "polite", "aria-atomic": "true" });
    result.append(el("h2", { id: "wizard-result-heading", tabindex: "-1" }, T.result_heading), ...notices.map((text) =>
      el("div", { class: "admonition warning wizard-version-notice", role: "note" }, el("p", {}, text))), live);
    result.setAttribute("data-case", caseObject ? caseKey(caseObject) : "");
    return live;
  }
  function mark(state, caseObject) {
    result.setAttribute("data-state", state);
    result.setAttribute("data-case", caseObject ? caseKey(caseObject) : "");
  }

  function message(text, state = "pending", caseObject = null) {
    shell(caseObject).append(el("p", { class: "wizard-verdict wizard-pending" }, text));
    mark(state, caseObject);
  }

  function missing(ids, province, caseObject) {
    shell(caseObject).append(el("p", { class: "wizard-pending" }, T.missing_heading),
      el("ul", {}, ids.map((id) => el("li", {}, el("a", { href: `#q-${id}`, onclick: (e) => {
        e.preventDefault();
        onFocusQuestion(id);
      } }, Q.answers[province][id].label[lang])))));
    mark("missing", caseObject);
  }

  function clearFieldErrors() {
    document.querySelectorAll(".wizard-error:not([hidden])").forEach((e) => { e.hidden = true; e.textContent = ""; });
    document.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  }

  function error(err, caseObject) {
    const live = shell(caseObject);
    if (err && err.error === "invalid_case") {
      const text = invalidMessage(Q, T, lang, caseObject.province, err);
      const id = (err.field || "").replace(/^answers\./, "");
      const slot = err.field ? document.getElementById(`e-${id}`) : null;
      if (slot) {
        slot.textContent = text;
        slot.hidden = false;
        const input = document.getElementById(`q-${id}`);
        if (input) input.setAttribute("aria-invalid", "true");
      }
      live.append(el("p", { class: "wizard-verdict wizard-invalid" }, T.invalid_general + text));
      mark("invalid", caseObject);
    } else {
      const unreadable = err && err.error === "internal_error" && /unreadable reply/.test(err.detail || "");
      live.append(el("p", { class: "wizard-verdict" }, unreadable ? T.engine_reply_error : T.internal_error));
      result.append(linkList(T.fallback_links));
      mark("error", caseObject);
    }
  }

  function finding(f) {
    return el("li", { class: `wizard-finding wizard-${f.status}`, "data-rule": f.rule, "data-status": f.status, "data-basis": f.basis },
      el("span", { class: "wizard-badge" }, T.status[f.status]), " ",
      el("span", { class: `wizard-basis wizard-basis-${f.basis}` }, T.basis_labels[f.basis]), " ",
      f.text[lang], " ", guideLink(f.source));
  }

  // The one or two findings that decide the verdict, in words, right under it (the full list follows).
  function deciders(r) {
    const found = decidingFindings(r);
    if (!found.length) return [];
    const shown = found.slice(0, 2);
    return el("div", { class: "wizard-deciders" }, el("ul", {}, shown.map((f) =>
      el("li", { class: `wizard-decider wizard-${f.status}`, "data-rule": f.rule }, f.text[lang], " ", guideLink(f.source)))),
    found.length > shown.length ? el("p", {}, fmt(T.deciders_more, { n: found.length - shown.length })) : "");
  }

  function planNote(r, explained, caseObject) {
    const planned = Object.keys(r.dates).filter((key) => ((explained.dates || {})[key] || {}).start_field === "expected_acceptance_date");
    return planned.length ? el("p", { class: "wizard-plan-note" }, fmt(T.plan_note, { date: showDate(caseObject.answers.expected_acceptance_date) })) : "";
  }

  function howComputed(info) {
    const details = el("details", { class: "wizard-how" }, el("summary", {}, T.how_computed));
    if (info.how) details.append(el("p", {}, info.how[lang]));
    if (info.days) details.append(el("p", {}, fmt(T.counted_days, { n: info.days.filter((d) => d.counted).length })));
    const list = (days) => days.map((d) => `${plainDate(d.date)} ${d.label[lang]}`).join(lang === "zh" ? "；" : "; ");
    const skipped = info.days ? info.days.filter((d) => !d.counted) : info.skipped || [];
    if (skipped.length) details.append(el("p", {}, T.skipped_days, list(skipped)));
    const makeup = (info.days || []).filter((d) => d.kind === "makeup_workday");
    if (makeup.length) details.append(el("p", {}, T.makeup_days, list(makeup)));
    if (info.law) details.append(el("p", {}, T.basis, info.law[lang]));
    return details;
  }

  // One date per deadline: the literal day (always safe); the art. 203 day as a note beside it.
  function dates(report, explained, caseObject) {
    const notes = report.findings.filter((f) => f.rule.endsWith("working_days_estimated")).map((f) => f.text[lang]);
    const today = caseObject.today || localIso(new Date());
    const badge = (cls, text) => [" ", el("span", { class: cls }, text)];
    return [el("h3", {}, T.dates_heading), el("dl", { class: "wizard-dates" }, plannedDates(report.dates).map(({ key, iso, extended }) => {
      const info = explained.dates[key] || {};
      const estimated = report.estimated.includes(key);
      const plan = info.start_field === "expected_acceptance_date";
      return [el("dt", { "data-date": key }, T.date_labels[key] || key),
        el("dd", { "data-date": key, "data-passed": iso < today ? "true" : null },
          el("time", { datetime: iso }, showDate(iso)),
          iso < today ? badge("wizard-passed", T.passed) : "",
          plan ? badge("wizard-plan", T.plan) : "",
          estimated ? badge("wizard-estimated", T.estimated) : "",
          extended ? el("p", { class: "wizard-extended", "data-date": `${key}_extended` }, fmt(T.extended_note, {
            date: showDate(extended) + (report.estimated.includes(`${key}_extended`) ? T.estimated_suffix : "") })) : "",
          estimated && notes.length ? el("p", { class: "wizard-estimated-reason" }, T.estimated_reason, notes.join(" ")) : "",
          howComputed(info))];
    }))];
  }

  function printSummary(explained, caseObject, fields) {
    return el("div", { class: "wizard-print-only" }, el("h3", {}, T.print_answers_heading),
      el("dl", {}, answerSummary(Q, T, lang, caseObject, fields).map(([q, a]) => [el("dt", {}, q), el("dd", {}, a)])),
      el("p", {}, fmt(T.print_rule_data, { date: showDate(explained.rule_data_date), printed: showDate(localIso(new Date())) })));
  }

  function shareBox() {
    const said = el("p", { class: "wizard-share-status", role: "status" });
    const field = el("input", { type: "text", readonly: true, class: "wizard-share-field", "aria-label": T.share_field_label, hidden: true });
    const copyFallback = (url) => { // no clipboard API: a selected field, and the old copy command where it works
      field.value = url;
      field.hidden = false;
      field.focus();
      field.select();
      try { return document.execCommand("copy"); } catch (e) { return false; }
    };
    const button = el("button", { type: "button", class: "md-button wizard-share", onclick: () => {
      said.textContent = "";
      shareLink({ url: location.href, title: document.title, copyFallback }).then((how) => {
        said.textContent = T.share_done[how] || "";
        result.setAttribute("data-shared", how);
      });
    } }, T.share_button);
    return [button, " ", field, said];
  }

  function report(explained, caseObject, fields) {
    const r = explained.report;
    const layout = notices.join("\n");
    if (!shown || shown.layout !== layout) shown = { layout, live: shell(caseObject), parts: {} };
    const changes = explained.what_would_change || [];
    printed = { explained, caseObject, fields };
    if (!shown.print) { // filled in only when printing (beforeprint): answering does not pay for it
      shown.print = el("div", { class: "wizard-part wizard-part-print" });
      result.insertBefore(shown.print, shown.live);
    }
    shown.print.replaceChildren();
    const hasDates = Object.keys(r.dates).length > 0;
    const sections = [ // the answer first: the verdict and what decides it, the dates, then the detail
      ["verdict", [r.verdict, decidingFindings(r), r.dates, caseObject.answers.expected_acceptance_date || null], () => [
        el("p", { class: `wizard-verdict wizard-verdict-${r.verdict}` }, T.verdict[r.verdict]), deciders(r),
        planNote(r, explained, caseObject)]],
      ["dates", [r.dates, r.estimated, explained.dates, caseObject.today || localIso(new Date())],
        () => hasDates ? dates(r, explained, caseObject) : []],
      ["actions", hasDates, () => el("div", { class: "wizard-actions" },
        el("p", {}, shareBox()),
        el("p", {}, hasDates ? [el("button", { type: "button", class: "md-button", onclick: onIcs }, T.ics_button), " "] : "",
          el("button", { type: "button", class: "md-button", onclick: () => window.print() }, T.print_button)))],
      ["findings", r.findings, () => [el("h3", {}, T.findings_heading), el("ul", { class: "wizard-findings" }, r.findings.map(finding))]],
      ["changes", changes, () => changes.length ? [el("h3", {}, T.changes_heading),
        el("ul", { class: "wizard-changes" }, changes.map((c) => el("li", {}, c.text[lang])))] : []],
      ["checklist", r.checklist, () => r.checklist.length ? [el("h3", {}, T.checklist_heading), el("ol", { class: "wizard-checklist" },
        r.checklist.map((item) => el("li", {}, item.text[lang], " ", guideLink(item.source))))] : []],
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
    result.setAttribute("data-verdict", r.verdict);
    mark("result", caseObject);
  }

  // Printing adds the answers and the rule data, and shows every "how it was computed" open; the screen
  // keeps the reader's choice.
  const opened = new Set();
  window.addEventListener("beforeprint", () => {
    if (printed && shown && shown.print) shown.print.replaceChildren(printSummary(printed.explained, printed.caseObject, printed.fields));
    result.querySelectorAll("details:not([open])").forEach((d) => { opened.add(d); d.open = true; });
    // On paper a link is only its address: the whole one (a.href), not the page's relative one.
    result.querySelectorAll("a[href]").forEach((a) => a.setAttribute("data-print-href", a.href));
  });
  window.addEventListener("afterprint", () => { opened.forEach((d) => { d.open = false; }); opened.clear(); });

  return { message, missing, error, report, clearFieldErrors, setNotices: (list) => { notices = list; shown = null; } };
}
