// The case the form describes: forms written once per province and action, professions as differences.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { actionsFor, buildCase, caseKey, formFor, normalise } from "../../web/case-model.js";

const Q = JSON.parse(readFileSync(new URL("../../wizard/data/questions.json", import.meta.url)));

test("every Jiangsu profession gets the same initial-registration form from the one written form", () => {
  const ids = (p) => formFor(Q, "jiangsu", p, "initial").map((e) => e.id);
  for (const p of ["cost_engineer", "architect", "structural_engineer"]) assert.deepEqual(ids(p), ids("constructor"));
});

test("an entry naming professions applies to those professions only", () => {
  const Q2 = structuredClone(Q);
  Q2.forms["jiangsu/initial"].push({ id: "employer_in_wujiang", required: false, professions: ["constructor"] });
  assert.ok(formFor(Q2, "jiangsu", "constructor", "initial").some((e) => e.id === "employer_in_wujiang"));
  assert.ok(!formFor(Q2, "jiangsu", "architect", "initial").some((e) => e.id === "employer_in_wujiang"));
});

test("a profession the province does not have gets no form and no actions", () => {
  assert.equal(formFor(Q, "zhejiang", "constructor", "initial"), null);
  assert.deepEqual(actionsFor(Q, "zhejiang", "constructor"), []);
  assert.deepEqual(actionsFor(Q, "zhejiang", "cost_engineer"), ["initial", "additional"]);
});

test("choosing Zhejiang picks its only profession and drops an action it does not have", () => {
  const state = normalise(Q, { province: "zhejiang", profession: "architect", action: "renewal", answers: {}, today: null });
  assert.equal(state.profession, "cost_engineer");
  assert.equal(state.action, "");
});

test("the case lists the required answers still missing and leaves out answers of other forms", () => {
  const built = buildCase(Q, { province: "jiangsu", profession: "constructor", action: "change_employer",
    answers: { realname_l4: true, qualification_province: "other" }, today: "2026-11-21" });
  assert.deepEqual(built.missing, ["employment_contract_end"]);
  assert.deepEqual(built.case.answers, { realname_l4: true });
  assert.equal(built.case.today, "2026-11-21");
});

test("the case key is the same whatever order the answers were given in", () => {
  const a = { province: "jiangsu", profession: "constructor", action: "initial", answers: { realname_l4: true, qualification_province: "jiangsu" } };
  const b = { ...a, answers: { qualification_province: "jiangsu", realname_l4: true } };
  assert.equal(caseKey(a), caseKey(b));
  assert.notEqual(caseKey(a), caseKey({ ...a, answers: { realname_l4: false, qualification_province: "jiangsu" } }));
});

test("a question whose when does not hold is neither sent nor missing, and its answer is kept for later", async () => {
  const { asked, buildCase } = await import("../../web/case-model.js");
  const entry = { id: "out_of_province_entry_approved", required: false, when: { qualification_province: "other" } };
  assert.equal(asked(entry, { qualification_province: "other" }), true);
  assert.equal(asked(entry, { qualification_province: "jiangsu" }), false);
  assert.equal(asked({ id: "x", when: { acceptance_date: [null] } }, {}), true);
  assert.equal(asked({ id: "x", when: { exemption_chosen: [true, null] } }, { exemption_chosen: "unsure" }), true);
  assert.equal(asked({ id: "x", when: { exemption_chosen: [true, null] } }, { exemption_chosen: false }), false);
  const Q = { provinces: { jiangsu: { professions: ["architect"] } }, forms: { "jiangsu/initial": [
    { id: "qualification_province", required: true }, { id: "out_of_province_entry_approved", required: true, when: { qualification_province: "other" } }] } };
  const state = { province: "jiangsu", profession: "architect", action: "initial", answers: { qualification_province: "jiangsu", out_of_province_entry_approved: true } };
  assert.deepEqual(buildCase(Q, state), { case: { province: "jiangsu", profession: "architect", action: "initial",
    answers: { qualification_province: "jiangsu" } }, missing: [] });
  assert.equal(state.answers.out_of_province_entry_approved, true);
  assert.deepEqual(buildCase(Q, { ...state, answers: { qualification_province: "other" } }).missing, ["out_of_province_entry_approved"]);
});
