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
  assert.deepEqual({ ...back.answers }, state.answers);
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

// Names every object inherits (and the one that sets an object's prototype), in each place a fragment names
// something: a fragment is anyone's text.
const INHERITED = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "__defineGetter__"];

test("a fragment naming what every object inherits reads like one naming any unknown province or answer", () => {
  for (const name of INHERITED) {
    assert.equal(fromFragment(`#province=${name}`, Q).province, "", `province=${name}`);
    for (const province of ["zhejiang", "jiangsu", name]) {
      const state = fromFragment(`#province=${province}&${name}=1&employer_city=${name}&employer_district=${name}`, Q);
      assert.equal(Object.getPrototypeOf(state.answers), null);
      assert.equal(state.answers[name], "1", `${name} is kept as an unknown answer is`);
      for (const value of Object.values(state.answers)) assert.ok(["string", "boolean"].includes(typeof value), `${province}: ${name}`);
    }
  }
  const renamed = fromFragment("#province=zhejiang&employer_city=constructor", Q);
  assert.equal(renamed.answers.employer_in_ningbo, false, "a city named like an inherited name is just another city");
});
