// The wizard page's words (web/i18n/<lang>.json): the same keys, the same kind of value and the same
// {placeholders} in every language, none left empty (as tests/site/test_site_words.py and
// tests/engine/test_data.py ask of site_words/ and wizard/text/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";

const FOLDER = new URL("../../web/i18n/", import.meta.url);
const LANGUAGES = readdirSync(FOLDER).filter((name) => name.endsWith(".json")).map((name) => name.slice(0, -5)).sort();

function flatten(value, prefix = "") {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, item]) => flatten(item, `${prefix}${key}.`));
  }
  return [[prefix.slice(0, -1), value]];
}

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const words = Object.fromEntries(LANGUAGES.map((lang) =>
  [lang, new Map(flatten(JSON.parse(readFileSync(new URL(`${lang}.json`, FOLDER), "utf-8"))))]));

test("the page's words exist in Chinese and English", () => {
  assert.deepEqual(LANGUAGES, ["en", "zh"]);
});

test("every language has the same keys, kinds of value and placeholders as Chinese, none empty", () => {
  const zh = words.zh;
  for (const lang of LANGUAGES) {
    const other = words[lang];
    assert.deepEqual([...other.keys()].sort(), [...zh.keys()].sort(), `${lang}: keys differ from zh`);
    for (const [key, text] of zh) {
      assert.equal(typeof other.get(key), typeof text, `${lang}.${key}`);
      if (typeof text === "string") {
        assert.ok(other.get(key).trim(), `${lang}.${key} is empty`);
        assert.deepEqual(placeholders(other.get(key)), placeholders(text), `${lang}.${key}`);
      }
    }
  }
});
