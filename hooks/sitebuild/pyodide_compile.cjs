/* Compile a zip of Python sources to .pyc with the CPython inside Pyodide, under Node: the bytecode is the
 * browser runtime's own, so the build machine's Python version does not matter.
 *
 * Used by hooks/sitebuild/runtime_set.py for the reduced python_stdlib.zip (the kept standard-library modules and the
 * engine's packages). The compiling is done by runtime_compile.py (beside this file), run inside the runtime.
 *
 * Usage: node hooks/sitebuild/pyodide_compile.cjs REQUEST.json
 *   REQUEST: {"runtime": dir with pyodide.js/.asm.js/.asm.wasm (the stock npm files),
 *             "source": zip of .py files and package data, "output": zip to write,
 *             "strip_docstrings": [names of the .py files whose docstrings are dropped],
 *             "env": {environment variables for the runtime's Python, e.g. PYTHONNODEBUGRANGES}}
 *   prints:  {"modules": N, "data_files": N, "python": "3.x.y"}
 */
"use strict";

const fs = require("fs");
const path = require("path");

async function main() {
  const request = JSON.parse(fs.readFileSync(process.argv[2], "utf-8"));
  const runtime = path.resolve(request.runtime) + "/";
  const { loadPyodide } = require(path.join(runtime, "pyodide.js"));
  const py = await loadPyodide({ indexURL: runtime, env: request.env || {}, stdout: () => {},
    stderr: (line) => process.stderr.write(line + "\n") });
  py.FS.writeFile("/tmp/source.zip", fs.readFileSync(request.source));
  py.runPython(fs.readFileSync(path.join(__dirname, "runtime_compile.py"), "utf-8"));
  py.globals.set("_strip", py.toPy(request.strip_docstrings || []));
  const report = JSON.parse(py.runPython(`
import json, sys
json.dumps({**compile_archive("/tmp/source.zip", "/tmp/output.zip", frozenset(_strip)),
            "python": ".".join(map(str, sys.version_info[:3])),
            "debug_ranges": list(compile("x = 1", "t", "exec").co_positions())[-1][2] is not None})`));
  fs.writeFileSync(request.output, py.FS.readFile("/tmp/output.zip"));
  process.stdout.write(JSON.stringify(report));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
