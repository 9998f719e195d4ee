// The form: the case selects (province, qualification, action) and the questions of that form, built
// from questions.json. It reads and writes `store.state`; every change calls `store.changed()`.
import { actionsFor, asked, formFor, specOf } from "./case-model.js";
import { el } from "./dom.js";
import { encodeValue } from "./fragment.js";
import { guideHref } from "./format.js";
import { photoPicker } from "./photo.js";

export function createForm({ root, form, Q, T, lang, store, onSeeResult }) {
  const caseBox = el("fieldset", { class: "wizard-case" }, el("legend", {}, T.case_legend));
  const questionsBox = el("div", { class: "wizard-questions" });
  form.textContent = "";
  const seeResult = el("p", { class: "wizard-see-result" },
    el("button", { type: "button", class: "md-button md-button--primary", onclick: () => onSeeResult() }, T.see_result));
  form.append(caseBox, questionsBox, seeResult);
  const spec = (id) => specOf(Q, store.state.province, id);
  const guideLink = (source) => el("a", { href: guideHref(source), class: "wizard-guide" }, T.guide_link);

  const selects = {};
  for (const key of ["province", "profession", "action"]) {
    const select = el("select", { id: `q-${key}`, name: key, "aria-describedby": `e-${key}` });
    select.addEventListener("change", () => {
      store.setCase(key, select.value);
      renderCaseSelects();
      renderQuestions();
      store.changed();
    });
    selects[key] = select;
    caseBox.append(el("div", { class: "wizard-field" }, el("label", { for: `q-${key}` }, T[key]), select,
      el("p", { class: "wizard-error", id: `e-${key}`, hidden: true })));
  }
  function fillSelect(select, values, labels, value) {
    select.textContent = "";
    select.append(el("option", { value: "" }, T.choose));
    values.forEach((v) => select.append(el("option", { value: v }, labels[v].label[lang])));
    select.value = values.includes(value) ? value : "";
    select.disabled = values.length === 0;
  }
  function renderCaseSelects() {
    const { province, profession, action } = store.state;
    fillSelect(selects.province, Object.keys(Q.provinces), Q.provinces, province);
    const prov = Q.provinces[province];
    fillSelect(selects.profession, prov ? prov.professions : [], Q.professions, profession);
    fillSelect(selects.action, actionsFor(Q, province, profession), Q.actions, action);
  }

  let textTimer = null;
  function setAnswer(id, value, debounce) {
    store.setAnswer(id, value);
    clearTimeout(textTimer);
    showAsked();
    if (debounce) textTimer = setTimeout(() => store.changed(), 150);
    else store.changed();
  }

  function choiceGroup(id, s, options, required) {
    const box = el("fieldset", { class: "wizard-question", id: `q-${id}`, tabindex: "-1", "aria-describedby": `h-${id} e-${id}` },
      el("legend", {}, s.label[lang], required ? "" : T.optional));
    options.forEach(([value, label]) => {
      const input = el("input", { type: "radio", name: `r-${id}`, id: `q-${id}-${String(value)}`, value: encodeValue(value) });
      input.addEventListener("change", () => { if (input.checked) setAnswer(id, value === "__unset__" ? undefined : value); });
      box.append(el("div", { class: "wizard-choice" }, input, el("label", { for: `q-${id}-${String(value)}` }, label)));
    });
    return box;
  }

  function inputControl(id, s, required) {
    const label = el("label", { for: `q-${id}` }, s.label[lang], required ? "" : T.optional);
    let input;
    if (s.type === "enum") {
      input = el("select", { id: `q-${id}` }, el("option", { value: "" }, T.choose),
        s.enum.map((v) => el("option", { value: v }, s.enum_labels[v][lang])));
      input.addEventListener("change", () => setAnswer(id, input.value || undefined));
    } else if (s.type === "date" || s.type === "date_or_null") {
      input = el("input", { type: "date", id: `q-${id}` });
      input.addEventListener("change", () => setAnswer(id, input.value || (store.state.answers[id] === null ? null : undefined)));
    } else if (s.type === "number") {
      input = el("input", { type: "number", id: `q-${id}`, min: s.min ?? null, step: "any", inputmode: "decimal" });
      input.addEventListener("input", () => setAnswer(id, input.value === "" ? undefined : Number(input.value), true));
    } else {
      input = el("input", { type: "text", id: `q-${id}`, autocomplete: "off", spellcheck: "false" });
      input.addEventListener("input", () => setAnswer(id, input.value.trim() === "" ? undefined : input.value.trim(), true));
    }
    input.setAttribute("aria-describedby", `h-${id} e-${id}`);
    if (required) input.setAttribute("aria-required", "true");
    const control = el("div", { class: "wizard-question" }, label, input);
    if (s.type === "date_or_null") {
      const open = el("input", { type: "checkbox", id: `q-${id}-open` });
      open.addEventListener("change", () => {
        input.disabled = open.checked;
        setAnswer(id, open.checked ? null : (input.value || undefined));
      });
      control.append(el("div", { class: "wizard-choice" }, open, el("label", { for: `q-${id}-open` }, T.open_ended)));
    }
    return control;
  }

  function questionNode(id, required) {
    const s = spec(id);
    let control;
    if (s.type === "boolean") {
      // contract v3: every yes/no question has a third answer; a required one sends "unsure", an optional one is left out
      control = choiceGroup(id, s, [[true, T.yes], [false, T.no], [required ? "unsure" : "__unset__", T.unsure]], required);
    } else if (s.type === "enum" && s.enum.length <= 4) {
      control = choiceGroup(id, s, s.enum.map((v) => [v, s.enum_labels[v][lang]]), required);
    } else {
      control = inputControl(id, s, required);
    }
    control.setAttribute("data-question", id);
    control.append(el("p", { class: "wizard-help", id: `h-${id}` }, s.help && s.help[lang] ? s.help[lang] + " " : "",
      s.guide ? guideLink(s.guide) : ""), el("p", { class: "wizard-error", id: `e-${id}`, hidden: true }));
    return control;
  }

  function renderQuestions() {
    questionsBox.textContent = "";
    const { province, profession, action } = store.state;
    const fields = formFor(Q, province, profession, action);
    if (!fields) return;
    const groups = new Map();
    fields.forEach(({ id, required }) => {
      const g = spec(id).group || "other";
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push([id, required]);
    });
    for (const [g, items] of groups) {
      const box = el("fieldset", { class: "wizard-group" }, el("legend", {}, (T.groups && T.groups[g]) || g));
      if (g === "photo") box.append(photoPicker(T, (answers) => { Object.assign(store.state.answers, answers); syncInputs(); store.changed(); }));
      items.forEach(([id, required]) => box.append(questionNode(id, required)));
      box.setAttribute("data-group", g);
      questionsBox.append(box);
    }
    syncInputs();
  }

  // Questions whose `when` does not hold are hidden (and not sent: case-model.js buildCase), as are groups left empty.
  function showAsked() {
    const { province, profession, action, answers } = store.state;
    const entries = formFor(Q, province, profession, action) || [];
    for (const entry of entries) {
      const node = questionsBox.querySelector(`[data-question="${entry.id}"]`);
      if (node) node.hidden = !asked(entry, answers);
    }
    questionsBox.querySelectorAll(".wizard-group").forEach((box) => {
      const questions = [...box.querySelectorAll("[data-question]")];
      box.hidden = box.getAttribute("data-group") !== "photo" && questions.length > 0 && questions.every((q) => q.hidden);
    });
  }

  function syncInputs() {
    showAsked();
    const { province, profession, action, answers } = store.state;
    for (const { id } of formFor(Q, province, profession, action) || []) {
      const s = spec(id);
      const value = answers[id];
      if (s.type === "boolean" || (s.type === "enum" && s.enum.length <= 4)) {
        const wanted = value === undefined ? (s.type === "boolean" ? "__unset__" : null) : encodeValue(value);
        root.querySelectorAll(`input[name="r-${id}"]`).forEach((r) => { r.checked = r.value === wanted; });
        continue;
      }
      const input = document.getElementById(`q-${id}`);
      if (!input) continue;
      if (s.type === "date_or_null") {
        document.getElementById(`q-${id}-open`).checked = value === null;
        input.disabled = value === null;
      }
      const shown = value === undefined || value === null ? "" : String(value);
      if (input.value !== shown && document.activeElement !== input) input.value = shown;
    }
  }

  return {
    render() { renderCaseSelects(); renderQuestions(); },
    focusQuestion(id) {
      const target = document.getElementById(`q-${id}`);
      if (!target) return;
      const focusable = target.matches("input,select") ? target : target.querySelector("input,select");
      (focusable || target).focus();
    },
  };
}
