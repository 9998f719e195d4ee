// What the result shows first and the dates a reader plans on (pure helpers of web/format.js), the .ics of
// one event per deadline, the share fallbacks (web/share.js) and the unknown province of a link.
import assert from "node:assert/strict";
import { test } from "node:test";
import { decidingFindings, localIso, plainDateFormatter, plannedDates } from "../../web/format.js";
import { fromFragment } from "../../web/fragment.js";
import { buildIcs } from "../../web/ics.js";
import { shareLink } from "../../web/share.js";

test("a deadline and its Civil Code art. 203 day are one date with a note, not two deadlines", () => {
  assert.deepEqual(plannedDates({ registration_deadline: "2027-04-10", registration_deadline_extended: "2027-04-12", contract_min_end: "2027-03-07" }), [
    { key: "registration_deadline", iso: "2027-04-10", extended: "2027-04-12" },
    { key: "contract_min_end", iso: "2027-03-07", extended: null }]);
});

test("the findings that decide the verdict are the fails, else the actions, else the unclear points; none for eligible", () => {
  const findings = [{ rule: "a", status: "pass" }, { rule: "b", status: "action" }, { rule: "c", status: "unclear" }, { rule: "d", status: "action" }];
  assert.deepEqual(decidingFindings({ verdict: "action_needed", findings }).map((f) => f.rule), ["b", "d"]);
  assert.deepEqual(decidingFindings({ verdict: "unclear", findings }).map((f) => f.rule), ["c"]);
  assert.deepEqual(decidingFindings({ verdict: "eligible", findings }), []);
});

test("the printed day is the reader's calendar day, not UTC's (07:30 in Shanghai is still the day before in UTC)", () => {
  const previous = process.env.TZ;
  process.env.TZ = "Asia/Shanghai";
  try {
    const morning = new Date(Date.UTC(2026, 11, 6, 23, 30)); // 7 December 2026, 07:30 in Shanghai
    assert.equal(morning.toISOString().slice(0, 10), "2026-12-06");
    assert.equal(localIso(morning), "2026-12-07");
  } finally {
    if (previous === undefined) delete process.env.TZ; else process.env.TZ = previous;
  }
});

test("a list of skipped days names each day once: the date without its weekday, then its kind", () => {
  assert.equal(plainDateFormatter("zh")("2027-04-10"), "2027年4月10日");
  assert.equal(plainDateFormatter("en")("2027-04-10"), "10 April 2027");
});

test("the calendar file holds the safe day only, with the art. 203 day in its description", () => {
  const texts = { ics_name: "注册关键日期", ics_reminder: "提醒：{label} {date}", estimated: "估算", estimated_suffix: "（估算，至早）",
    extended_note: "按《民法典》第二百零三条顺延到 {date}。", date_labels: { registration_deadline: "初始注册申请期限的最后一天" } };
  const report = { dates: { registration_deadline: "2027-04-10", registration_deadline_extended: "2027-04-12" },
    estimated: ["registration_deadline_extended"], findings: [] };
  const text = buildIcs({ report, explained: { dates: {} }, caseObject: { province: "zhejiang", action: "initial" }, texts, lang: "zh",
    showDate: (iso) => iso, now: new Date(Date.UTC(2026, 11, 7)) }).replace(/\r\n /g, "");
  assert.equal((text.match(/BEGIN:VEVENT/g) || []).length, 1);
  assert.match(text, /DTSTART;VALUE=DATE:20270410/);
  assert.doesNotMatch(text, /DTSTART;VALUE=DATE:20270412/);
  assert.match(text, /DESCRIPTION:按《民法典》第二百零三条顺延到 2027-04-12（估算，至早）。/);
});

test("sharing uses the share sheet where there is one, else the clipboard, else the copy fallback, else says copy it yourself", async () => {
  const calls = [];
  const share = { share: async (data) => calls.push(["share", data]) };
  assert.equal(await shareLink({ url: "https://x/#a", title: "t", nav: share }), "shared");
  assert.deepEqual(calls, [["share", { title: "t", url: "https://x/#a" }]]);
  const cancelled = { share: async () => { const e = new Error("no"); e.name = "AbortError"; throw e; } };
  assert.equal(await shareLink({ url: "u", title: "t", nav: cancelled }), "cancelled");
  const clip = { clipboard: { writeText: async (text) => calls.push(["clip", text]) } };
  assert.equal(await shareLink({ url: "u", title: "t", nav: clip }), "copied");
  const denied = { clipboard: { writeText: async () => { throw new Error("denied"); } } };
  assert.equal(await shareLink({ url: "u", title: "t", nav: denied, copyFallback: () => true }), "copied");
  assert.equal(await shareLink({ url: "u", title: "t", nav: {}, copyFallback: () => false }), "manual");
});

test("a link naming a province the wizard does not know says so, and a link naming none does not", () => {
  const Q = { provinces: { zhejiang: {} }, answers: { zhejiang: {} }, renamed_answers: {} };
  assert.equal(fromFragment("#province=shanghai&action=initial", Q).unknownProvince, true);
  assert.equal(fromFragment("#province=zhejiang", Q).unknownProvince, false);
  assert.equal(fromFragment("", Q).unknownProvince, false);
});
