// An iCalendar file (RFC 5545) of the report's dates: all-day events, two reminders each, CRLF, folded
// lines (pure: no DOM).
import { fmt, plannedDates } from "./format.js";

export function icsEscape(s) {
  return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

export function fold(line) {
  const encoder = new TextEncoder();
  const out = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (bytes + n > (out.length ? 74 : 75)) { out.push(current); current = ""; bytes = 0; }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

const compact = (iso) => iso.replace(/-/g, "");
function nextDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

// texts: {ics_name, ics_reminder, estimated, estimated_suffix, extended_note, date_labels}; showDate(iso) -> words; now: a Date
export function buildIcs({ report, explained, caseObject, texts, lang, showDate, now }) {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//registration-wizard//wizard//" + lang.toUpperCase(),
    "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + icsEscape(texts.ics_name)];
  for (const { key, iso, extended } of plannedDates(report.dates)) { // the safe day only; art. 203's in its description
    const label = texts.date_labels[key] || key;
    const summary = label + (report.estimated.includes(key) ? ` (${texts.estimated})` : "");
    const rule = ((explained.dates || {})[key] || {}).rule;
    const finding = report.findings.find((f) => f.rule === rule);
    lines.push("BEGIN:VEVENT", `UID:${key}-${compact(iso)}-${caseObject.province}-${caseObject.action}@registration-wizard`,
      `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${compact(iso)}`, `DTEND;VALUE=DATE:${compact(nextDay(iso))}`,
      "SUMMARY:" + icsEscape(summary), "TRANSP:TRANSPARENT");
    const note = extended ? fmt(texts.extended_note, { date: showDate(extended) + (report.estimated.includes(`${key}_extended`) ? texts.estimated_suffix : "") }) : "";
    const description = [note, finding ? finding.text[lang] : ""].filter(Boolean).join("\n\n");
    if (description) lines.push("DESCRIPTION:" + icsEscape(description));
    for (const trigger of ["-P7D", "-P1D"]) {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:${trigger}`,
        "DESCRIPTION:" + icsEscape(fmt(texts.ics_reminder, { label, date: showDate(iso) })), "END:VALARM");
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
