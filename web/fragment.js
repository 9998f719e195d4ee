// The answers in the URL fragment (pure: no DOM):
//   #f=2&v=<rule data version>&province=…&profession=…&action=…&today=YYYY-MM-DD&<answer id>=<value>…
// Values: text as is, true/false, numbers, "null" for an open-ended contract. f is the fragment format:
// links without f=2 were made before contract v2; their renamed answers are mapped (questions.json
// renamed_answers) and the page shows the older-rule-data notice.
// A fragment is anyone's text: a name is looked up in questions.json only when the data itself holds it, so
// `__proto__`, `constructor` or `toString` are names like any other unknown one (an unknown province leaves
// the form at its start, an unknown answer is carried along and not sent), and the answers are kept in an
// object without a prototype, where every name is a plain key.
export const FORMAT = "2";
const RESERVED = ["f", "v", "province", "profession", "action", "today"];

export function encodeValue(v) { return v === null ? "null" : String(v); }

export function decodeValue(spec, raw) {
  if (!spec) return raw;
  if (spec.type === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  if (spec.type === "number") return raw === "" || isNaN(Number(raw)) ? raw : Number(raw);
  if (spec.type === "date_or_null" && raw === "null") return null;
  return raw;
}

export function toFragment(state, ruleVersion) {
  const p = new URLSearchParams();
  p.set("f", FORMAT);
  p.set("v", ruleVersion);
  for (const k of ["province", "profession", "action"]) if (state[k]) p.set(k, state[k]);
  if (state.today) p.set("today", state.today);
  for (const [k, v] of Object.entries(state.answers)) p.set(k, encodeValue(v));
  return "#" + p.toString();
}

const own = (table, key) => (table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);

// {province, profession, action, today, answers, linkVersion, format, renamed: [new ids], unknownProvince}
export function fromFragment(hash, Q) {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const province = own(Q.provinces, p.get("province")) ? p.get("province") : "";
  const state = { province, profession: p.get("profession") || "", action: p.get("action") || "",
    today: p.get("today"), linkVersion: p.get("v"), format: p.get("f"), answers: Object.create(null), renamed: [],
    unknownProvince: Boolean(p.get("province")) && !province };
  const renames = own(Q.renamed_answers, province);
  const specs = own(Q.answers, province);
  for (const [k, raw] of p.entries()) {
    if (RESERVED.includes(k)) continue;
    const rename = own(renames, k);
    if (rename) {
      const mapped = own(rename.values, raw.trim().toLowerCase()) ?? own(rename.values, raw.trim());
      state.answers[rename.to] = mapped === undefined ? rename.otherwise : mapped;
      state.renamed.push(rename.to);
      continue;
    }
    state.answers[k] = decodeValue(own(specs, k), raw);
  }
  return state;
}

export function isOlderLink(state, ruleVersion) {
  return Boolean(state.linkVersion) && (state.linkVersion !== ruleVersion || state.format !== FORMAT);
}
