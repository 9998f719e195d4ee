// What the reader is told: choices by their labels in the page's language, never internal ids.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { answerSummary, invalidMessage } from "../../web/messages.js";

const Q = JSON.parse(readFileSync(new URL("../../wizard/data/questions.json", import.meta.url)));
const ZH = JSON.parse(readFileSync(new URL("../../web/i18n/zh.json", import.meta.url)));
const EN = JSON.parse(readFileSync(new URL("../../web/i18n/en.json", import.meta.url)));

const error = { error: "invalid_case", field: "answers.employer_type",
  message: { zh: "“聘用单位属于哪类企业？”的回答无效；可选：工程造价咨询企业（cost_consulting）…", en: "…(cost_consulting)…" } };

test("an invalid choice is named by its question and its choices' labels, without ids", () => {
  const zh = invalidMessage(Q, ZH, "zh", "zhejiang", error);
  assert.match(zh, /聘用单位属于哪类企业/);
  assert.match(zh, /工程造价咨询企业、建设单位/);
  assert.doesNotMatch(zh, /cost_consulting|answers\./);
  const en = invalidMessage(Q, EN, "en", "zhejiang", error);
  assert.match(en, /Construction cost consultancy; Project owner/);
  assert.doesNotMatch(en, /cost_consulting|answers\./);
});

test("a yes/no answer's error offers yes and no in the page's language", () => {
  const text = invalidMessage(Q, ZH, "zh", "jiangsu", { error: "invalid_case", field: "answers.realname_l4", message: { zh: "x", en: "x" } });
  assert.match(text, /是、否/);
});

test("other errors show the engine's message, which names the question by its label", () => {
  const date = { error: "invalid_case", field: "answers.acceptance_date", message: { zh: "“申请受理日期”早于…", en: "“Date…” is before…" } };
  assert.equal(invalidMessage(Q, ZH, "zh", "jiangsu", date), date.message.zh);
});

test("the printed answers list every question of the form, answered or not, in words", () => {
  const rows = answerSummary(Q, EN, "en", { province: "jiangsu", profession: "constructor", action: "initial",
    answers: { realname_l4: true, employment_contract_end: null } },
  [{ id: "realname_l4" }, { id: "qualification_province" }, { id: "employment_contract_end" }]);
  assert.deepEqual(rows.slice(3).map((r) => r[1]), ["Yes", "not answered", "Open-ended contract"]);
  assert.equal(rows[0][1], "Jiangsu");
});
