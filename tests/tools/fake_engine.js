// A stand-in for `python -m jsthreads` that runs scripts with node, so the tools in tools/ and
// jsthreads/corpus.py can be tested before the real engine runs. It speaks the jsthreads CLI
// contract: `run FILE [--gil|--threads]`, program output on stdout, `Uncaught <Name>: <message>`
// plus `    at ...` lines on stderr and exit 1 for an uncaught error, the SyntaxError block for a
// parse error, exit 2 for usage errors. It also defines `print`, which node lacks.
"use strict";
const fs = require("fs");
const vm = require("vm");

function usage(message) {
  process.stderr.write(`jsthreads: ${message}\nusage: jsthreads run FILE [--gil|--threads]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args[0] !== "run" || args.length < 2) usage("expected `run FILE`");
const file = args[1];
for (const flag of args.slice(2)) {
  if (flag !== "--gil" && flag !== "--threads") usage(`unknown option ${flag}`);
}

let source;
try {
  source = fs.readFileSync(file, "utf8");
} catch (e) {
  usage(`can't open file '${file}'`);
}

Object.defineProperty(globalThis, "print", {
  value: (...values) => process.stdout.write(values.map(String).join(" ") + "\n"),
  writable: true,
  configurable: true,
  enumerable: false,
});

// node prefixes the stack of errors from vm scripts with a source excerpt and lists its own
// frames; keep only the script's frames, in the engine's `at fn (file:line:col)` shape.
function stackLines(error) {
  const lines = String(error && error.stack || "").split("\n");
  return lines
    .filter((line) => line.startsWith("    at ") && !/node:|\[eval\]|fake_engine\.js/.test(line))
    .map((line) => (line.includes("(") ? line : line.replace("    at ", "    at <anonymous> (") + ")"));
}

function reportUncaught(error) {
  const head = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write([`Uncaught ${head}`, ...stackLines(error)].join("\n") + "\n");
  process.exit(1);
}

let script;
try {
  script = new vm.Script(source, { filename: file });
} catch (error) {
  // The decorated stack starts "FILE:LINE\nSOURCE LINE\n   ^^^"; rebuild the engine's layout.
  const [where, sourceLine = "", caret = ""] = String(error.stack).split("\n");
  const line = where.slice(where.lastIndexOf(":") + 1);
  const column = Math.max(caret.indexOf("^"), 0) + 1;
  process.stderr.write(
    `SyntaxError: ${error.message}\n    at ${file}:${line}:${column}\n    ${sourceLine}\n    ${" ".repeat(column - 1)}^\n`
  );
  process.exit(1);
}

process.on("uncaughtException", reportUncaught);
// An unhandled rejection is not an error in JS itself; node makes it fatal by default.
process.on("unhandledRejection", () => {});
try {
  script.runInThisContext();
} catch (error) {
  reportUncaught(error);
}
