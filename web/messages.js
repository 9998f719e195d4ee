// What the reader is told about an invalid answer, in the page's language (pure: no DOM). The engine's
// message names the question by its label; for a choice it also lists the values a program would send,
// so a choice (the only way a yes/no or enum answer can be invalid) is described here by its labels only.
import { asked } from "./case-model.js";
import { fmt } from "./format.js";

export function answerId(error) {
  const field = (error && error.field) || "";
  return field.startsWith("answers.") ? field.slice("answers.".length) : null;
}

export function invalidMessage(Q, T, lang, province, error) {
  const id = answerId(error);
  const spec = id && (Q.answers[province] || {})[id];
  if (spec && (spec.type === "enum" || spec.type === "boolean")) {
    const labels = spec.type === "enum" ? spec.enum.map((v) => spec.enum_labels[v][lang]) : [T.yes, T.no];
    return fmt(T.invalid_choice, { question: spec.label[lang], choices: labels.join(T.choice_separator) });
  }
  return error.message[lang];
}

// The answers given, as [question label, answer words] pairs in form order, for the printed result.
export function answerSummary(Q, T, lang, caseObject, fields) {
  const rows = [[T.province, Q.provinces[caseObject.province].label[lang]],
    [T.profession, Q.professions[caseObject.profession].label[lang]],
    [T.action, Q.actions[caseObject.action].label[lang]]];
  for (const entry of fields) {
    if (!asked(entry, caseObject.answers)) continue; // a question not asked is not listed as unanswered
    const { id } = entry;
    const spec = Q.answers[caseObject.province][id];
    const value = caseObject.answers[id];
    let words;
    if (!(id in caseObject.answers)) words = T.answer_not_given;
    else if (value === null) words = T.open_ended;
    else if (spec.type === "boolean") words = value ? T.yes : T.no;
    else if (spec.type === "enum") words = spec.enum_labels[value] ? spec.enum_labels[value][lang] : String(value);
    else words = String(value);
    rows.push([spec.label[lang], words]);
  }
  return rows;
}
