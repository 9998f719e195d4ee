// The answers in the URL fragment, and older links made before contract v2.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { FORMAT, fromFragment, isOlderLink, toFragment } from "../../web/fragment.js";

const Q = JSON.parse(readFileSync(new URL("../../wizard/data/questions.json", import.meta.url)));

test("answers survive a round trip through the fragment with their types", () => {
  const state = { province: "jiangsu", profession: "constructor", action: "initial", today: "2026-11-21",
    answers: { realname_l4: true, employment_contract_end: null, qualification_province: "jiangsu" } };
  const back = fromFragment(toFragment(state, "abc123"), Q);
  assert.deepEqual(back.answers, state.answers);
  assert.equal(back.format, FORMAT);
  assert.equal(isOlderLink(back, "abc123"), false);
});

test("a link from before contract v2 maps the Wujiang district to the new yes/no question and is flagged older", () => {
  const old = fromFragment("#v=0123456789ab&province=jiangsu&profession=constructor&action=delta_registration&employer_district=wujiang", Q);
  assert.equal(old.answers.employer_in_wujiang, true);
  assert.ok(!("employer_district" in old.answers));
  assert.deepEqual(old.renamed, ["employer_in_wujiang"]);
  assert.equal(isOlderLink(old, "0123456789ab"), true); // no f=2: older even if the data hash matched
});

test("a Chinese district name maps too, and any other district means not Wujiang", () => {
  assert.equal(fromFragment("#province=jiangsu&employer_district=%E5%90%B4%E6%B1%9F%E5%8C%BA", Q).answers.employer_in_wujiang, true);
  assert.equal(fromFragment("#province=jiangsu&employer_district=kunshan", Q).answers.employer_in_wujiang, false);
  assert.equal(fromFragment("#province=zhejiang&employer_city=Ningbo", Q).answers.employer_in_ningbo, true);
});

test("a number answer that is not a number stays as typed so the engine can name it", () => {
  assert.equal(fromFragment("#province=zhejiang&continuing_education_hours=abc", Q).answers.continuing_education_hours, "abc");
  assert.equal(fromFragment("#province=zhejiang&continuing_education_hours=12.5", Q).answers.continuing_education_hours, 12.5);
});
