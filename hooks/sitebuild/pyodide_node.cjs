/* Run the wizard engine on a list of inputs inside Pyodide under Node: what the browser's runtime does,
 * without a browser.
 *
 * Used twice by the project:
 *   - hooks/sitebuild/runtime_set.py runs it on the stock runtime (node_modules/pyodide) with the engine's
 *     wheels on sys.path, on the engine's own forms, and keeps, from the standard library, exactly the
 *     modules the run imported (the "kept list" of the reduced python_stdlib.zip);
 *   - tests/browser/test_runtime_set.py runs the case table on the built runtime set
 *     (site/wizard-assets/<version>/pyodide/) and compares every answer with CPython's, so a module missing from the reduced stdlib fails a test.
 *
 * Usage: node hooks/sitebuild/pyodide_node.cjs REQUEST.json > RESULT.json
 *   REQUEST: {"runtime": dir with pyodide.js/.asm.js/.asm.wasm, "stdlib": zip path or null (runtime's own),
 *             "lock": lock file path or null, "wheels": [wheel paths to put on sys.path],
 *             "cases": [[name, hex of the bytes fed to `python -m wizard check -`], ...],
 *             "pyc_positions": [.pyc names in python_stdlib.zip to inspect] (optional)}
 *   RESULT:  {"check": {name: [exit code, JSON text]}, "explain": {name: [exit code, JSON text]},
 *             "modules": {module name: file or null}, "rule_data_version": "…",
 *             "pyc_positions": {name: {"lines": any line numbers, "columns": any column positions}}}
 * Each case goes through the same call as web/worker.js: wizard.cli.respond(bytes), for check and explain. A Python exception is also raised into JavaScript once, so the
 * modules Pyodide needs to report an error are in the kept list.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const GLUE = `
import json
import wizard
from wizard.cli import respond as _respond

def _answer(hex_data: str, explain: bool) -> str:
    code, payload = _respond(bytes.fromhex(hex_data), explain=explain)
    return json.dumps([code, json.dumps(payload, ensure_ascii=False)])
`;

async function main() {
  const request = JSON.parse(fs.readFileSync(process.argv[2], "utf-8"));
  const runtime = path.resolve(request.runtime) + "/";
  const { loadPyodide } = require(path.join(runtime, "pyodide.js"));
  const options = { indexURL: runtime, stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") };
  if (request.stdlib) options.stdLibURL = path.resolve(request.stdlib);
  if (request.lock) options.lockFileURL = path.resolve(request.lock);
  const py = await loadPyodide(options);
  py.FS.mkdirTree("/lib/wizard-wheels");
  const paths = (request.wheels || []).map((wheel) => {
    const target = `/lib/wizard-wheels/${path.basename(wheel)}`;
    py.FS.writeFile(target, fs.readFileSync(wheel));
    return target;
  });
  py.globals.set("_wizard_wheels", py.toPy(paths));
  py.runPython("import sys; sys.path[0:0] = _wizard_wheels; del _wizard_wheels");
  py.runPython(GLUE);
  const answer = py.globals.get("_answer");
  const result = { check: {}, explain: {}, modules: {}, rule_data_version: py.runPython("wizard.RULE_DATA_VERSION") };
  for (const [name, hex] of request.cases) {
    result.check[name] = JSON.parse(answer(hex, false));
    result.explain[name] = JSON.parse(answer(hex, true));
  }
  try {
    py.runPython("raise ValueError('an error raised into JavaScript')");
  } catch (error) {
    result.error_seen = String(error).includes("ValueError");
  }
  result.modules = JSON.parse(py.runPython(
    "import json, sys; json.dumps({name: getattr(m, '__file__', None) for name, m in list(sys.modules.items())})"));
  if (request.pyc_positions) {
    // Read by the runtime's own Python: a .pyc's code objects are specific to the Python that wrote them.
    py.globals.set("_names", py.toPy(request.pyc_positions));
    result.pyc_positions = JSON.parse(py.runPython(`
import json, marshal, sys, zipfile
def _positions(name):
    with zipfile.ZipFile(f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip") as stdlib:
        code = marshal.loads(stdlib.read(name)[16:])  # after the 16-byte .pyc header
    found = [p for c in [code, *[k for k in code.co_consts if hasattr(k, "co_positions")]] for p in c.co_positions()]
    return {"lines": any(line for line, _, _, _ in found),
            "columns": any(col is not None or end is not None for _, _, col, end in found)}
json.dumps({name: _positions(name) for name in _names})`));
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
