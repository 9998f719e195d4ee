// Words and dates for the page (pure: no DOM). Templates are "{name}" strings from i18n/<lang>.json.
export function fmt(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, k) => (k in values ? String(values[k]) : `{${k}}`));
}

// "jiangsu/renewal.md#decision-time" -> "../jiangsu/renewal/#decision-time" (from /wizard/ or /en/wizard/)
export function guideHref(source) {
  const [path, anchor] = source.split("#");
  const page = path.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/");
  return "../" + page + (anchor ? "#" + anchor : "");
}

export function asDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function dateFormatter(lang, weekdayTemplate) {
  const locale = lang === "zh" ? "zh-CN" : "en-GB";
  const day = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  return (iso) => fmt(weekdayTemplate, { date: day.format(asDate(iso)), weekday: weekday.format(asDate(iso)) });
}

// A day as "2027年4月10日" / "10 April 2027", without its weekday (for lists that name the day's kind).
export function plainDateFormatter(lang) {
  const day = new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  return (iso) => day.format(asDate(iso));
}

// The reader's calendar day (their time zone), not UTC's: before 08:00 in China, UTC is still on the day before.
export function localIso(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// The dates a reader plans on: each period's literal last day, with its Civil Code art. 203 day (`<key>_extended`)
// as a note of that day rather than a second deadline. [{key, iso, extended: iso|null}] in report order.
export function plannedDates(dates) {
  return Object.keys(dates).filter((key) => !(key.endsWith("_extended") && key.slice(0, -"_extended".length) in dates))
    .map((key) => ({ key, iso: dates[key], extended: dates[`${key}_extended`] || null }));
}

// The findings that decide a verdict: the "not possible" ones, else those needing action, else the unclear ones.
export function decidingFindings(report) {
  const status = { not_eligible: "fail", action_needed: "action", unclear: "unclear" }[report.verdict];
  return status ? report.findings.filter((f) => f.status === status) : [];
}
