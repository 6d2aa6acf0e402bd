/**
 * Minimal require hook: lets plain `node` load the TypeScript sources by compiling each `.ts` file
 * with @swc/core (already a dev dependency for jest) to CommonJS on the fly. No type checking.
 * Usage: `node -r ./bench/register.js bench/read-vendor.js`, or require it first (as the bench does).
 */
"use strict";
const fs = require("node:fs");
const Module = require("node:module");
const { transformSync } = require("@swc/core");

function compile(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { code } = transformSync(source, {
    filename,
    sourceMaps: "inline",
    module: { type: "commonjs" },
    jsc: { parser: { syntax: "typescript", tsx: filename.endsWith(".tsx") }, target: "es2022" },
  });
  module._compile(code, filename);
}

for (const ext of [".ts", ".tsx"]) {
  if (!Module._extensions[ext]) Module._extensions[ext] = compile;
}
