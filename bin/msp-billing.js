#!/usr/bin/env node
"use strict";
// The CLI is compiled to build/ by `npm run build` (or `npm run build:cli`).
let cli;
try {
  cli = require("../build/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && /build[\\/]cli[\\/]main/.test(e.message)) {
    process.stderr.write("msp-billing: not built yet. Run `npm ci && npm run build` in the repository first.\n");
    process.exit(1);
  }
  throw e;
}
cli.main();
