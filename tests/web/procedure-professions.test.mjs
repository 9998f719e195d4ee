// A business type limited to some professions (questions.json as the page gets it: procedure_professions)
// is offered to those professions only.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { actionsFor, formFor } from "../../web/case-model.js";

const Q = JSON.parse(readFileSync(new URL("../../wizard/data/questions.json", import.meta.url)));

test("a business type for architects only is in the architects' list of actions and no one else's", () => {
  const Q2 = structuredClone(Q);
  Q2.actions.fixture = { label: { zh: "测试事项", en: "Fixture procedure" } };
  Q2.provinces.jiangsu.actions.push("fixture");
  Q2.forms["jiangsu/fixture"] = [{ id: "realname_l4", required: true }];
  Q2.procedure_professions = { "jiangsu/fixture": ["architect"] };
  assert.ok(actionsFor(Q2, "jiangsu", "architect").includes("fixture"));
  for (const p of ["constructor", "cost_engineer", "structural_engineer"]) {
    assert.ok(!actionsFor(Q2, "jiangsu", p).includes("fixture"), p);
    assert.equal(formFor(Q2, "jiangsu", p, "fixture"), null);
  }
});
