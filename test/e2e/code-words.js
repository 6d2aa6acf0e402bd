// Code words a clerk must not read in a sheet, file or message: snake_case tokens (`period_factor`,
// `missing_in_file`) and the dotted keys of messages and audit kinds (`contract.version.add`,
// `note.cost.not_billed_yet`), taken from src/core/messages.ts so every key is known. Shared by the
// German walk (run.js) and the English one (english-month.js).
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const MESSAGE_KEYS = (() => {
  const src = fs.readFileSync(path.resolve(__dirname, "../../src/core/messages.ts"), "utf8");
  const keys = new Set([...src.matchAll(/^\s*"([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)":/gm)].map((m) => m[1]));
  for (const k of [...keys]) if (k.startsWith("audit.")) keys.add(k.slice("audit.".length));
  return keys;
})();

/** The code words in a cell or line of text (none for numbers and empty cells). */
function codeWordsIn(cell) {
  if (typeof cell !== "string") return [];
  const words = [...cell.matchAll(/(?<![\w.@/-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-])/g)].map((m) => m[0]);
  for (const m of cell.matchAll(/[a-zA-Z_]+(?:\.[a-zA-Z_]+)+/g)) if (MESSAGE_KEYS.has(m[0])) words.push(m[0]);
  return words;
}

/** Spreadsheet column letters of a 0-based index (0 → A, 26 → AA). */
const columnName = (i) => (i < 26 ? String.fromCharCode(65 + i) : columnName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

module.exports = { codeWordsIn, columnName, MESSAGE_KEYS };
