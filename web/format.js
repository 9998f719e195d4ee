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
