/* Run the wizard engine's whole case table inside Pyodide under Node: what the browser's runtime does,
 * without a browser.
 *
 * Used twice by the project:
 *   - scripts/build_wheels.py runs it on the stock runtime (node_modules/pyodide) with the engine's wheels
 *     on sys.path and keeps, from the standard library, exactly the modules the run imported
 *     (the "kept list" of the reduced python_stdlib.zip);
 *   - tests/site/test_runtime_set.py runs it on the built runtime set (site/wizard-assets/<version>/pyodide/)
 *     and compares every answer with CPython's, so a module missing from the reduced stdlib fails a test.
 *
 * Usage: node scripts/pyodide_node.cjs REQUEST.json > RESULT.json
 *   REQUEST: {"runtime": dir with pyodide.js/.asm.js/.asm.wasm, "stdlib": zip path or null (runtime's own),
 *             "lock": lock file path or null, "wheels": [wheel paths to put on sys.path],
 *             "cases": [[name, hex of the bytes fed to `python -m wizard check -`], ...]}
 *   RESULT:  {"check": {name: [exit code, stdout, stderr]}, "explain": {name: [code, JSON text]},
 *             "modules": {module name: file or null}, "rule_data_version": "…"}
 * Each case goes through the same calls as web/worker.js: the CLI with in-memory streams, and
 * wizard.explain(cli.decode(bytes)). A Python exception is also raised into JavaScript once, so the
 * modules Pyodide needs to report an error are in the kept list.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const GLUE = `
import io, json, sys
import wizard
from wizard import cli as _cli

def _run_cli(hex_data: str):
    data = bytes.fromhex(hex_data)
    saved = sys.stdin, sys.stdout, sys.stderr
    out, err = io.BytesIO(), io.BytesIO()
    streams = (io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"),
               io.TextIOWrapper(out, encoding="utf-8"), io.TextIOWrapper(err, encoding="utf-8"))
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        code = _cli.main(["check", "-"])
        streams[1].flush(); streams[2].flush()
        return json.dumps([code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")])
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved

def _explain(hex_data: str):
    data = bytes.fromhex(hex_data)
    try:
        return json.dumps([0, json.dumps(wizard.explain(_cli.decode(data)), ensure_ascii=False)])
    except wizard.InvalidCase as exc:
        return json.dumps([2, json.dumps(exc.to_json(), ensure_ascii=False)])
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
  const runCli = py.globals.get("_run_cli");
  const runExplain = py.globals.get("_explain");
  const result = { check: {}, explain: {}, modules: {}, rule_data_version: py.runPython("wizard.RULE_DATA_VERSION") };
  for (const [name, hex] of request.cases) {
    result.check[name] = JSON.parse(runCli(hex));
    result.explain[name] = JSON.parse(runExplain(hex));
  }
  try {
    py.runPython("raise ValueError('an error raised into JavaScript')");
  } catch (error) {
    result.error_seen = String(error).includes("ValueError");
  }
  result.modules = JSON.parse(py.runPython(
    "import json, sys; json.dumps({name: getattr(m, '__file__', None) for name, m in list(sys.modules.items())})"));
  process.stdout.write(JSON.stringify(result));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
