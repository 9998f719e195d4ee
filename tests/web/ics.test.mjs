// The calendar file: all-day events with two reminders, escaped text, lines folded at 75 octets.
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildIcs, fold, icsEscape } from "../../web/ics.js";

const texts = { ics_name: "注册关键日期", ics_reminder: "提醒：{label} {date}", estimated: "估算",
  date_labels: { decision_due: "主管部门作出决定的最迟日期" } };
const report = { dates: { decision_due: "2027-02-16" }, estimated: ["decision_due"],
  findings: [{ rule: "js.decision_time", text: { zh: "本站理解：最迟为 2027年2月16日，含逗号,分号;" } }] };
const explained = { dates: { decision_due: { rule: "js.decision_time" } } };

function build() {
  return buildIcs({ report, explained, caseObject: { province: "jiangsu", action: "renewal" }, texts, lang: "zh",
    showDate: (iso) => iso, now: new Date(Date.UTC(2027, 0, 30, 8, 0, 0)) });
}

test("each date is an all-day event ending the next day, with reminders a week and a day before", () => {
  const text = build().replace(/\r\n /g, "");
  assert.match(text, /DTSTART;VALUE=DATE:20270216\r\nDTEND;VALUE=DATE:20270217/);
  assert.equal((text.match(/BEGIN:VALARM/g) || []).length, 2);
  assert.match(text, /TRIGGER:-P7D/);
  assert.match(text, /SUMMARY:主管部门作出决定的最迟日期 \(估算\)/);
  assert.match(text, /DTSTAMP:20270130T080000Z/);
});

test("commas and semicolons in the description are escaped", () => {
  assert.equal(icsEscape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  assert.match(build().replace(/\r\n /g, ""), /逗号\\,分号\\;/);
});

test("no line is longer than 75 octets and every line ends in CRLF", () => {
  const text = build();
  assert.ok(text.endsWith("\r\n"));
  for (const line of text.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  assert.equal(fold("x".repeat(80)).split("\r\n ").length, 2);
});
