#!/usr/bin/env node
// Tiny static server for the built add-in and the browser preview (node:http, no dependencies):
//   node src/preview/serve.cjs            serves dist/ on http://127.0.0.1:3100/ (PREVIEW_PORT to change)
// `/` opens the preview (preview.html). Also used by the browser tests (test/e2e/run.js).
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** A server for the files under `root` (no directory listing, nothing outside root). */
function createStaticServer(root, { index = "preview.html" } = {}) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400, { "content-type": "text/plain" });
      res.end("bad request");
      return;
    }
    const file = path.normalize(path.join(base, urlPath === "/" ? index : urlPath));
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] || "application/octet-stream",
      // functions.json must be readable cross-origin in Excel on the web.
      "access-control-allow-origin": "*",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    fs.createReadStream(file).pipe(res);
  });
}

module.exports = { createStaticServer };

if (require.main === module) {
  const root = path.resolve(__dirname, "../../dist");
  if (!fs.existsSync(path.join(root, "preview.html"))) {
    console.error("dist/preview.html is missing: run `npx webpack --mode production` first (or `npm run preview`).");
    process.exit(1);
  }
  const port = Number(process.env.PREVIEW_PORT || 3100);
  const server = createStaticServer(root);
  server.on("error", (error) => {
    console.error(`Cannot listen on 127.0.0.1:${port}: ${error.message} (set PREVIEW_PORT to another port)`);
    process.exit(1);
  });
  server.listen(port, "127.0.0.1", () => {
    console.log(`MSP Billing preview: http://127.0.0.1:${port}/preview.html   (English: ?lang=en, dark: ?theme=dark, fresh demo: ?reset=1)`);
    console.log("Press Ctrl+C to stop.");
  });
}
