"""What the schemas of questions.json, checklists.json and procedures/<province>.json cannot say: that the
ids they name exist in the other files. Called by staff/datacheck.py after a file's schema check.

Each check reads the other files it needs from the same repository root and skips what it cannot read (a
broken or missing file is reported by its own check). Every finding names the line of the thing that is
wrong and says what to write instead.
"""
from __future__ import annotations

import json
import string
from collections.abc import Iterator
from pathlib import Path

from wizard import rules_jiangsu, rules_zhejiang

from . import jsonfile
from .findings import Finding

ENGINE_RULES = {"zhejiang": rules_zhejiang.RULES, "jiangsu": rules_jiangsu.RULES}  # as wizard.engine.EVALUATORS
LANGUAGES = ("zh", "en")
STATUSES = ("pass", "action", "fail", "info", "unclear")  # a status outside them is the schema's finding


def _read(root: Path, *parts: str) -> object:
    try:
        return json.loads(root.joinpath(*parts).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _texts(root: Path, language: str) -> dict:
    return _dict(_read(root, "wizard", "text", f"{language}.json"))


def _parameter_exists(root: Path, ref: str) -> bool:
    return root.joinpath("wizard", "data", "parameters", *ref.split("/")).with_suffix(".json").is_file()


def _placeholders(template: object) -> set[str] | None:
    """The {names} of a str.format template; None when its braces do not match."""
    if not isinstance(template, str):
        return set()
    try:
        return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError:
        return None


def _names(items) -> str:
    return ", ".join(sorted(map(str, items))) or "none"


def _matchable(spec: dict) -> tuple[list, str] | None:
    """The values a "when" or checklist condition can compare an answer with, and how to say them."""
    kind = spec.get("type")
    if kind == "boolean":
        return [True, False, None], "true, false or null (not answered or not sure)"
    if kind == "enum" and isinstance(spec.get("enum"), list):
        return [*spec["enum"], None], ", ".join(f'"{value}"' for value in spec["enum"]) + " or null (not answered)"
    if kind in ("date", "date_or_null", "number", "text"):
        return [None], "null (not answered): a condition cannot compare a date, number or text"
    return None


def _value_problem(spec: dict, value: object) -> str | None:
    """Why a condition's value can never be this answer's, or None."""
    matchable = _matchable(spec)
    if matchable is None:
        return None
    values, said = matchable
    if any(type(value) is type(allowed) and value == allowed for allowed in values):  # 1 is not true
        return None
    return said


# ---------------------------------------------------------------- questions.json


def questions(file: jsonfile.JsonFile, path: Path, root: Path) -> Iterator[Finding]:
    data = _dict(file.data)
    provinces, answers, forms = _dict(data.get("provinces")), _dict(data.get("answers")), _dict(data.get("forms"))
    rules = _dict(_read(root, "wizard", "data", "rules.json"))
    at = file.line_at

    for province, info in provinces.items():
        info = _dict(info)
        for kind in ("professions", "actions"):
            for index, name in enumerate(_list(info.get(kind))):
                if isinstance(name, str) and name not in _dict(data.get(kind)):
                    yield Finding(file.rel, at(["provinces", province, kind, index]),
                                  f'{kind[:-1]} "{name}" of {province} has no label in "{kind}"',
                                  f'add "{name}": {{"label": {{"zh": "…", "en": "…"}}}} to "{kind}", or correct the spelling')
        if province not in answers:
            yield Finding(file.rel, at(["provinces", province]), f'province "{province}" has no questions in "answers"',
                          f'add "answers": {{"{province}": {{…}}}} (its question specs)')
        procedure_path = root / "wizard" / "data" / "procedures" / f"{province}.json"
        procedure = _read(root, "wizard", "data", "procedures", f"{province}.json")
        if not procedure_path.exists():
            yield Finding(file.rel, at(["provinces", province]),
                          f'province "{province}" has no business-type table wizard/data/procedures/{province}.json',
                          f"create wizard/data/procedures/{province}.json with the rules of each of its actions "
                          "(ARCHITECTURE.md, Procedures)")
        for index, action in enumerate(_list(info.get("actions"))):
            if not isinstance(action, str):
                continue
            if f"{province}/{action}" not in forms:
                yield Finding(file.rel, at(["provinces", province, "actions", index]),
                              f'action "{action}" of {province} has no form',
                              f'add "{province}/{action}": [{{"id": …, "required": …}}, …] to "forms" ([] if it asks nothing)')
            if isinstance(procedure, dict) and action not in procedure:
                yield Finding(file.rel, at(["provinces", province, "actions", index]),
                              f'action "{action}" of {province} is not in wizard/data/procedures/{province}.json, '
                              "so the engine does not know which rules it runs",
                              f'add "{action}": {{"rules": ["<rule id>", …]}} to wizard/data/procedures/{province}.json')

    groups = {language: _dict(_dict(_read(root, "web", "i18n", f"{language}.json")).get("groups"))
              for language in LANGUAGES}
    for province, specs in answers.items():
        if province not in provinces:
            yield Finding(file.rel, at(["answers", province]), f'"answers" has questions for "{province}", which is not a province',
                          f'use a province of "provinces" ({_names(provinces)}), or add it there')
        for answer_id, spec in _dict(specs).items():
            if isinstance(spec, dict):
                yield from _question(file, root, ["answers", province, answer_id], spec, rules, groups)

    for key, entries in forms.items():
        province, _, action = key.partition("/")
        if province not in provinces:
            yield Finding(file.rel, at(["forms", key]), f'form "{key}": "{province}" is not a province',
                          f'name the form "<province>/<action>" with a province of "provinces" ({_names(provinces)})')
            continue
        if action not in _list(_dict(provinces[province]).get("actions")):
            yield Finding(file.rel, at(["forms", key]), f'form "{key}": "{action}" is not an action of {province}',
                          f'add "{action}" to "provinces" → {province} → "actions", or correct the spelling')
        yield from _form(file, ["forms", key], _list(entries), _dict(answers.get(province)),
                         _list(_dict(provinces[province]).get("professions")))

    for province, renamed in _dict(data.get("renamed_answers")).items():
        specs = _dict(answers.get(province))
        if province not in provinces:
            yield Finding(file.rel, at(["renamed_answers", province]), f'"renamed_answers" has "{province}", which is not a province',
                          f'use a province of "provinces" ({_names(provinces)})')
        for old, entry in _dict(renamed).items():
            entry, where = _dict(entry), ["renamed_answers", province, old]
            if old in specs:
                yield Finding(file.rel, at(where), f'renamed answer "{old}" is still a question of {province}',
                              "list here only answers that no longer exist (those of older links); remove this entry")
            target = entry.get("to")
            if isinstance(target, str) and target not in specs:
                yield Finding(file.rel, at(where + ["to"]), f'renamed answer "{old}" becomes "{target}", which is not a question of {province}',
                              f'name a question of "answers" → {province}')
                continue
            spec = _dict(specs.get(target))
            for value_path, value in [*(((where + ["values", k]), v) for k, v in _dict(entry.get("values")).items()),
                                      *([(where + ["otherwise"], entry["otherwise"])] if "otherwise" in entry else [])]:
                said = _value_problem(spec, value) if value is not None else None
                if said:
                    yield Finding(file.rel, at(value_path), f'renamed answer "{old}" maps to {json.dumps(value, ensure_ascii=False)}, '
                                  f'which "{target}" cannot be', f"map it to {said}")


def _question(file: jsonfile.JsonFile, root: Path, where: list, spec: dict, rules: dict, groups: dict) -> Iterator[Finding]:
    answer_id, at = where[-1], file.line_at
    help_params = _dict(spec.get("help_params"))
    for language in LANGUAGES:
        label = _dict(spec.get("label")).get(language)
        if _placeholders(label):
            yield Finding(file.rel, at(where + ["label", language]), f'the {language} label of "{answer_id}" has a {{placeholder}}, '
                          "which the page does not fill", "write the label without {…}; numbers from the rule data go in the help text")
        used = _placeholders(_dict(spec.get("help")).get(language))
        if used is None:
            yield Finding(file.rel, at(where + ["help", language]), f'the {language} help of "{answer_id}" has a {{ or }} without its partner',
                          "write each placeholder as {name}; to show a brace itself, write {{ or }}")
            continue
        for name in sorted(used - set(help_params)):
            yield Finding(file.rel, at(where + ["help", language]),
                          f'the {language} help of "{answer_id}" has {{{name}}}, but "help_params" does not say which rule value fills it',
                          f'add "help_params": {{"{name}": "<province>/<rule value>"}} to the question, or write the help without {{{name}}}')
        for name in sorted(set(help_params) - used):
            yield Finding(file.rel, at(where + ["help_params", name]),
                          f'help_params "{name}" of "{answer_id}" is not used in the {language} help',
                          f"write {{{name}}} where the number belongs in the help text, in both languages, or remove it from help_params")
    for name, ref in help_params.items():
        if isinstance(ref, str) and "/" in ref and not _parameter_exists(root, ref):
            yield Finding(file.rel, at(where + ["help_params", name]),
                          f'help_params "{name}" of "{answer_id}" names the rule value "{ref}", but wizard/data/parameters/{ref}.json does not exist',
                          "correct the name (<province>/<file name without .json>), or add the rule data file")
    rule = spec.get("rule")
    if isinstance(rule, str) and rules and rule not in rules:
        yield Finding(file.rel, at(where + ["rule"]), f'"rule" of "{answer_id}" is "{rule}", which is not in wizard/data/rules.json',
                      "name the rule this yes/no question decides, as in wizard/data/rules.json, or correct the spelling")
    enum, labels = spec.get("enum"), spec.get("enum_labels")
    if isinstance(enum, list) and isinstance(labels, dict):
        for value in enum:
            if isinstance(value, str) and value not in labels:
                yield Finding(file.rel, at(where + ["enum_labels"]), f'choice "{value}" of "{answer_id}" has no label in "enum_labels"',
                              f'add "{value}": {{"zh": "…", "en": "…"}} to "enum_labels"')
        for value in labels:
            if value not in enum:
                yield Finding(file.rel, at(where + ["enum_labels", value]), f'"enum_labels" of "{answer_id}" labels "{value}", which is not in "enum"',
                              f'add "{value}" to "enum", or remove its label (or correct the spelling)')
    low, high = spec.get("min"), spec.get("max")
    if isinstance(low, (int, float)) and isinstance(high, (int, float)) and low > high:
        yield Finding(file.rel, at(where + ["min"]), f'"min" of "{answer_id}" ({low}) is above its "max" ({high})',
                      "make min the smallest and max the largest answer accepted")
    group = spec.get("group")
    for language, known in groups.items():
        if isinstance(group, str) and known and group not in known:
            yield Finding(file.rel, at(where + ["group"]), f'group "{group}" of "{answer_id}" has no name in web/i18n/{language}.json "groups"',
                          f'use one of: {_names(known)}; or add "{group}" to "groups" in web/i18n/zh.json and en.json')


def _form(file: jsonfile.JsonFile, where: list, entries: list, specs: dict, professions: list) -> Iterator[Finding]:
    key, at = where[-1], file.line_at
    ids = [entry.get("id") for entry in entries if isinstance(entry, dict)]
    seen: set = set()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        answer_id, entry_path = entry.get("id"), where + [index]
        if not isinstance(answer_id, str):
            continue
        province = key.split("/")[0]
        if answer_id in seen:
            yield Finding(file.rel, at(entry_path + ["id"]), f'form "{key}" asks "{answer_id}" twice',
                          "keep one entry per question; an entry naming \"professions\" applies to those only")
        seen.add(answer_id)
        if answer_id not in specs:
            yield Finding(file.rel, at(entry_path + ["id"]), f'form "{key}" asks "{answer_id}", which is not a question of {province} in "answers"',
                          f'correct the id (questions of {province}: {_names(specs)}), or write its spec in "answers" → {province} first')
        for index_p, profession in enumerate(_list(entry.get("professions"))):
            if profession not in professions:
                yield Finding(file.rel, at(entry_path + ["professions", index_p]),
                              f'"{answer_id}" in form "{key}" names profession "{profession}", which is not one of {province}\'s',
                              f"use professions of {province}: {_names(professions)}")
        for other, wanted in _dict(entry.get("when")).items():
            when_path = entry_path + ["when", other]
            if other == answer_id:
                yield Finding(file.rel, at(when_path), f'"{answer_id}" in form "{key}" is asked only when it is answered itself',
                              "name another question of the form in \"when\"")
            elif other not in ids:
                yield Finding(file.rel, at(when_path), f'the "when" of "{answer_id}" in form "{key}" names "{other}", which this form does not ask',
                              f"name a question of the same form ({_names(i for i in ids if isinstance(i, str))}), or add it to the form")
            elif other in specs:
                for value in wanted if isinstance(wanted, list) else [wanted]:
                    said = _value_problem(_dict(specs[other]), value)
                    if said:
                        yield Finding(file.rel, at(when_path),
                                      f'the "when" of "{answer_id}" in form "{key}" waits for "{other}" to be '
                                      f"{json.dumps(value, ensure_ascii=False)}, which that question cannot be, so it is never asked",
                                      f"write {said}")


# ---------------------------------------------------------------- checklists.json


def checklists(file: jsonfile.JsonFile, path: Path, root: Path) -> Iterator[Finding]:
    data = _dict(file.data)
    questions_data = _dict(_read(root, "wizard", "data", "questions.json"))
    provinces = _dict(questions_data.get("provinces"))
    rules = _dict(_read(root, "wizard", "data", "rules.json"))
    texts = {language: _texts(root, language) for language in LANGUAGES}
    at = file.line_at
    for province, items in data.items():
        if province == "description" or not isinstance(items, list):
            continue
        if provinces and province not in provinces:
            yield Finding(file.rel, at([province]), f'"{province}" is not a province of questions.json',
                          f"list the items under a province id ({_names(provinces)})")
            continue
        info = _dict(provinces.get(province))
        specs = _dict(_dict(questions_data.get("answers")).get(province))
        forms = _dict(questions_data.get("forms"))
        procedure = _dict(_read(root, "wizard", "data", "procedures", f"{province}.json"))
        for index, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                yield from _item(file, root, [province, index], item, info, specs, forms, procedure, rules, texts,
                                 _dict(questions_data.get("actions")))


def _item(file, root, where, item, info, specs, forms, procedure, rules, texts, action_labels) -> Iterator[Finding]:
    item_id, province, at = item["id"], where[0], file.line_at
    text_key = f"checklist.{item_id}"
    for kind in ("actions", "professions"):
        known = _list(info.get(kind))
        for index, name in enumerate(_list(item.get(kind))):
            if known and name not in known:
                yield Finding(file.rel, at(where + [kind, index]), f'checklist item "{item_id}" names {kind[:-1]} "{name}", '
                              f"which is not one of {province}'s", f"use {kind} of {province}: {_names(known)}")
    actions = [a for a in _list(item.get("actions")) or _list(info.get("actions")) if isinstance(a, str)]
    asked = {entry.get("id") for action in actions for entry in _list(forms.get(f"{province}/{action}"))
             if isinstance(entry, dict)}
    run = {step if isinstance(step, str) else _dict(step).get("rule")
           for action in actions for step in _list(_dict(procedure.get(action)).get("rules"))}
    for index, condition in enumerate(_list(item.get("when"))):
        condition, condition_path = _dict(condition), where + ["when", index]
        answer, rule = condition.get("answer"), condition.get("rule")
        if isinstance(answer, str):
            if specs and answer not in specs:
                yield Finding(file.rel, at(condition_path), f'checklist item "{item_id}" waits for answer "{answer}", which is not a question of {province}',
                              f'correct the id (questions of {province}: {_names(specs)})')
                continue
            if forms and answer not in asked:
                yield Finding(file.rel, at(condition_path), f'checklist item "{item_id}" waits for answer "{answer}", which the forms of its actions '
                              f'({_names(actions)}) do not ask', "name a question of those forms, or limit the item's \"actions\" to forms that ask it")
            for word in ("is", "is_not"):
                if word in condition and answer in specs:
                    said = _value_problem(_dict(specs[answer]), condition[word])
                    if said:
                        yield Finding(file.rel, at(condition_path + [word]),
                                      f'checklist item "{item_id}" compares "{answer}" with {json.dumps(condition[word], ensure_ascii=False)}, '
                                      "which that question cannot be", f"write {said}")
        if isinstance(rule, str):
            if rules and rule not in rules:
                yield Finding(file.rel, at(condition_path), f'checklist item "{item_id}" waits for rule "{rule}", which is not in wizard/data/rules.json',
                              "name a rule of wizard/data/rules.json, or correct the spelling")
                continue
            if procedure and rule not in run:
                yield Finding(file.rel, at(condition_path), f'checklist item "{item_id}" waits for rule "{rule}", which its actions ({_names(actions)}) '
                              "do not run, so the step is never shown", f"name a rule of those procedures in wizard/data/procedures/{province}.json")
            status = condition.get("status")
            if status in STATUSES and texts["zh"] and not any(key == f"{rule}.{status}" or key.startswith(f"{rule}.{status}.")
                                                                   for key in texts["zh"]):
                yield Finding(file.rel, at(condition_path + ["status"]), f'rule "{rule}" never reports "{status}" '
                              f'(wizard/text/zh.json has no "{rule}.{status}" text), so the step is never shown',
                              f"use a status the rule reports: {_names({k.split('.')[2] for k in texts['zh'] if k.startswith(rule + '.')})}")
    params = _dict(item.get("params"))
    for name, spec in params.items():
        spec = _dict(spec)
        ref, label = spec.get("parameter"), spec.get("action_label")
        if isinstance(ref, str) and "/" in ref and not _parameter_exists(root, ref):
            yield Finding(file.rel, at(where + ["params", name]), f'"{name}" of checklist item "{item_id}" names the rule value "{ref}", '
                          f"but wizard/data/parameters/{ref}.json does not exist", "correct the name (<province>/<file name without .json>), or add the file")
        if isinstance(label, str) and label != "case" and action_labels and label not in action_labels:
            yield Finding(file.rel, at(where + ["params", name]), f'"{name}" of checklist item "{item_id}" shows the label of action "{label}", '
                          "which questions.json does not have", f'write "case" (the case\'s action) or an action id ({_names(action_labels)})')
    for language in LANGUAGES:
        if not texts[language]:
            continue
        if text_key not in texts[language]:
            yield Finding(file.rel, at(where + ["id"]), f'checklist item "{item_id}" has no words: wizard/text/{language}.json has no "{text_key}"',
                          f'add "{text_key}": "…" to wizard/text/zh.json and en.json')
            continue
        used = _placeholders(texts[language][text_key]) or set()
        for name in sorted(used - set(params)):
            yield Finding(file.rel, at(where + ["id"]), f'the {language} words of checklist item "{item_id}" have {{{name}}}, but the item has no "params" for it',
                          f'add "params": {{"{name}": {{"parameter": "<province>/<rule value>"}}}} (or action_label, certificate, hotlines)')
        for name in sorted(set(params) - used):
            yield Finding(file.rel, at(where + ["params", name]), f'"{name}" of checklist item "{item_id}" is not used in its {language} words ({text_key})',
                          f"write {{{name}}} in the words in wizard/text/zh.json and en.json, or remove it from params")


# ---------------------------------------------------------------- procedures/<province>.json


def procedures(file: jsonfile.JsonFile, path: Path, root: Path) -> Iterator[Finding]:
    data, province, at = _dict(file.data), path.stem, file.line_at
    questions_data = _dict(_read(root, "wizard", "data", "questions.json"))
    provinces = _dict(questions_data.get("provinces"))
    if provinces and province not in provinces:
        yield Finding(file.rel, 0, f'the file is named "{province}", which is not a province of questions.json',
                      f"name the file after a province: {_names(f'{p}.json' for p in provinces)}")
        return
    info, forms = _dict(provinces.get(province)), _dict(questions_data.get("forms"))
    rules = _dict(_read(root, "wizard", "data", "rules.json"))
    engine = ENGINE_RULES.get(province, {})
    texts = _texts(root, "zh")
    for action, entry in data.items():
        if action == "description" or not isinstance(entry, dict):
            continue
        if info and action not in _list(info.get("actions")):
            yield Finding(file.rel, at([action]), f'business type "{action}" is not an action of {province} in questions.json',
                          f'add "{action}" to "provinces" → {province} → "actions" and its label to "actions" in questions.json, or correct the spelling')
        elif forms and f"{province}/{action}" not in forms:
            yield Finding(file.rel, at([action]), f'business type "{action}" has no form in questions.json',
                          f'add "{province}/{action}": [{{"id": …, "required": …}}, …] to "forms" in questions.json ([] if it asks nothing)')
        for index, profession in enumerate(_list(entry.get("professions"))):
            if info and profession not in _list(info.get("professions")):
                yield Finding(file.rel, at([action, "professions", index]), f'business type "{action}" names profession "{profession}", '
                              f"which is not one of {province}'s", f"use professions of {province}: {_names(_list(info.get('professions')))}")
        seen: set = set()
        for index, step in enumerate(_list(entry.get("rules"))):
            options = step if isinstance(step, dict) else {}
            rule = step if isinstance(step, str) else options.get("rule")
            if not isinstance(rule, str):
                continue
            step_path = [action, "rules", index]
            if rule in seen:
                yield Finding(file.rel, at(step_path), f'business type "{action}" runs rule "{rule}" twice',
                              "list each rule once, where it belongs in the order")
            seen.add(rule)
            if rules and rule not in rules:
                yield Finding(file.rel, at(step_path), f'business type "{action}" runs rule "{rule}", which is not in wizard/data/rules.json',
                              f"correct the spelling (rules the {province} engine runs: {_names(engine)})")
                continue
            if engine and rule not in engine:
                yield Finding(file.rel, at(step_path), f'rule "{rule}" is not one the {province} engine runs on its own',
                              f"name one of: {_names(engine)} (a rule such as a rest-day note is added by another rule)")
                continue
            parameter = options.get("parameter")
            if isinstance(parameter, str) and not _parameter_exists(root, f"{province}/{parameter}"):
                yield Finding(file.rel, at(step_path + ["parameter"]), f'rule "{rule}" of "{action}" uses the rule value "{parameter}", '
                              f"but wizard/data/parameters/{province}/{parameter}.json does not exist",
                              "correct the name (the file name without .json), or add the rule data file")
            variant = options.get("text")
            if isinstance(variant, str) and texts and not any(
                    key.startswith(rule + ".") and key.split(".")[3:4] == [variant] for key in texts):
                yield Finding(file.rel, at(step_path + ["text"]), f'rule "{rule}" of "{action}" uses the text variant "{variant}", '
                              f'but wizard/text/zh.json has no "{rule}.<status>.{variant}" text',
                              f'write the texts "{rule}.<status>.{variant}" in wizard/text/zh.json and en.json, or correct the variant')
            entry_rule = _dict(rules.get(rule))
            if options.get("basis") == "reading" and rules and entry_rule.get("basis") != "reading" \
                    and "reading" not in _dict(entry_rule.get("basis_by_text")).values():
                yield Finding(file.rel, at(step_path + ["basis"]), f'rule "{rule}" of "{action}" is applied by our reading, but it has no reading text',
                              'write its reading texts (starting 本站理解： / Our reading:) and declare them in wizard/data/rules.json "basis_by_text", '
                              'or remove "basis"')
