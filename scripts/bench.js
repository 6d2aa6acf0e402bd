#!/usr/bin/env node
"use strict";
// `npm run bench`: runs every benchmark script under bench/ (except helpers) one after another and
// prints their figures. Benchmarks generate their data on the fly; nothing large is committed.
const { readdirSync } = require("node:fs");
const { join } = require("node:path");
const { spawnSync } = require("node:child_process");
const os = require("node:os");

const dir = join(__dirname, "..", "bench");
const only = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".js") && !["register.js"].includes(f) && !f.startsWith("_"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
console.log(`MSP Billing benchmarks — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
let failed = 0;
for (const s of scripts) {
  console.log(`\n=== ${s}`);
  const r = spawnSync(process.execPath, ["--expose-gc", join(dir, s)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
