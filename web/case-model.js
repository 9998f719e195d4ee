// The case the form describes, from questions.json (pure: no DOM). forms are keyed "<province>/<action>";
// an entry naming "professions" applies to those only.
export function formFor(Q, province, profession, action) {
  const form = Q.forms[`${province}/${action}`];
  if (!form || !(Q.provinces[province] || {}).professions.includes(profession)) return null;
  const limited = (Q.procedure_professions || {})[`${province}/${action}`];
  if (limited && !limited.includes(profession)) return null;
  return form.filter((entry) => !entry.professions || entry.professions.includes(profession));
}

export function actionsFor(Q, province, profession) {
  const prov = Q.provinces[province];
  return prov && profession ? prov.actions.filter((a) => formFor(Q, province, profession, a)) : [];
}

export function specOf(Q, province, id) {
  return (Q.answers[province] || {})[id];
}

// Drop what no longer fits after the province or profession changed.
export function normalise(Q, state) {
  const prov = Q.provinces[state.province];
  if (!prov) return { ...state, province: "", profession: "", action: "" };
  let { profession, action } = state;
  if (!prov.professions.includes(profession)) profession = prov.professions.length === 1 ? prov.professions[0] : "";
  if (action && !formFor(Q, state.province, profession, action)) action = "";
  return { ...state, profession, action };
}

// Whether a form entry's question is asked given the answers (its `when`: answer id -> a value or a list of
// values, null standing for "not answered" and "not sure"), as wizard.schema.shown reads it.
export function asked(entry, answers) {
  return Object.entries(entry.when || {}).every(([other, wanted]) => {
    const given = answers[other];
    const value = given === undefined || given === "unsure" ? null : given;
    return (Array.isArray(wanted) ? wanted : [wanted]).includes(value);
  });
}

// {case, missing: [ids]} or {case: null} before province, profession and action are chosen. A question not asked
// (its `when` does not hold) is neither sent nor missing; its answer stays in the state for when it is asked again.
export function buildCase(Q, state) {
  const fields = formFor(Q, state.province, state.profession, state.action);
  if (!fields) return { case: null, missing: [] };
  const answers = {};
  const missing = [];
  for (const entry of fields) {
    const { id, required } = entry;
    if (!asked(entry, state.answers)) continue;
    if (id in state.answers) answers[id] = state.answers[id];
    else if (required) missing.push(id);
  }
  const c = { province: state.province, profession: state.profession, action: state.action, answers };
  if (state.today) c.today = state.today;
  return { case: c, missing };
}

// Which case a result answers: the same string for the same case, whatever order the answers came in.
export function caseKey(c) {
  const answers = Object.keys(c.answers).sort().map((k) => [k, c.answers[k]]);
  return JSON.stringify([c.province, c.profession, c.action, c.today || null, answers]);
}
