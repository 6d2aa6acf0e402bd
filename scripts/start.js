#!/usr/bin/env node
// `npm start`: sideload the add-in into desktop Excel where there is one (Windows, macOS) with
// office-addin-debugging (fetched by npx: it is not a dependency, its keytar install fails on Linux).
// Elsewhere print how to try the add-in instead and exit 0.
"use strict";

const { spawnSync } = require("node:child_process");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const hasDesktopExcel = process.platform === "win32" || process.platform === "darwin";

if (hasDesktopExcel && !process.argv.includes("--print-only")) {
  console.log("Sideloading manifest.xml into desktop Excel (office-addin-debugging) ...");
  const result = spawnSync("npx", ["--yes", "office-addin-debugging", "start", "manifest.xml", "desktop"], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(result.status === null ? 1 : result.status);
}

console.log(`No desktop Excel on this platform (${process.platform}). To try MSP Billing:

  Excel on the web
    1. npm run dev-server        (https://localhost:3000; installs a dev certificate on first run)
    2. In Excel on the web: Insert > Add-ins > Upload My Add-in, choose manifest.xml
       (Home tab > Add-ins > More Add-ins > Upload My Add-in in newer builds).
    3. Open the pane with Home > Abrechnung / Billing; the worksheet functions are =MSP.*

  Without Excel
    npm run preview      (builds, then serves the task pane next to an in-memory demo workbook
                          at http://127.0.0.1:3100/preview.html)
    npm test             (everything CI runs, including the headless browser tests)

  Stop a sideloaded add-in with: npm run stop`);
process.exit(0);
