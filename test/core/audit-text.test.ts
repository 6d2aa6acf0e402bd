/**
 * The Protokoll in sentences (issue 20): every audit kind the app writes has a German and an English
 * sentence without code words; the entity gives the object; unknown kinds still read as a sentence.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { AUDIT_KINDS, OBJECT_TYPES, auditNote, auditObjectNote } from "../../src/core/audit-text";
import { MESSAGES, auditObjectText, auditSourceText, auditText } from "../../src/core/messages";

const CODE_WORD = /\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+\.[a-z]+(?:\.[a-z]+)*\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe("audit entries as sentences", () => {
  it("every kind written in src has a sentence in both languages (none falls back to the generic one)", () => {
    const kinds = new Set<string>();
    for (const file of sources(join(__dirname, "../../src"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/kind: (?:[^,}]*\? )?"([a-zA-Z]+(?:\.[a-zA-Z]+)+)"(?: : "([a-zA-Z]+(?:\.[a-zA-Z]+)+)")?/g)) {
        for (const k of [m[1], m[2]]) if (k && !/^(text|numeric|date)$/.test(k)) kinds.add(k);
      }
    }
    expect(kinds.size).toBeGreaterThan(30);
    const generic = [...kinds].filter((k) => auditNote({ kind: k, entity: "x:1" }).code === "audit.other" && !["settings.update", "settings.put", "settings.sepa", "rules.set", "usage.rules.set", "time.profile.save", "exportProfile.add", "exportProfile.update", "exportProfile.delete", "mapping.put", "undo.delete", "undo.restore"].includes(k));
    expect(generic).toEqual([]);
    for (const k of AUDIT_KINDS) expect(MESSAGES[`audit.${k}`]).toBeDefined();
  });

  it("renders objects, mappings and settings as a clerk reads them", () => {
    expect(auditText({ kind: "contract.version.add", entity: "contract:V-1001/1" }, "de")).toBe("Vertrag/Position V-1001/1: neuer Stand");
    expect(auditText({ kind: "contract.version.add", entity: "contract:V-1001/1" }, "en")).toBe("Contract/position V-1001/1: new version");
    expect(auditText({ kind: "mapping.put", entity: "mapping:customer:3333-cccc" }, "de")).toBe("Kundenzuordnung 3333-cccc gespeichert");
    expect(auditText({ kind: "mapping.put", entity: "mapping:article:CFQ7:0002" }, "en")).toBe("Article mapping CFQ7:0002 saved");
    expect(auditText({ kind: "settings.update", entity: "setting:company" }, "de")).toBe("Einstellungen gespeichert: Firmenangaben");
    expect(auditText({ kind: "settings.put", entity: "setting:taskpane.lastBackupAt" }, "en")).toBe("Settings saved: time of the last backup");
    expect(auditText({ kind: "exportProfile.add", entity: "setting:exportProfile:lexware" }, "de")).toBe("Exportprofil lexware angelegt");
    expect(auditText({ kind: "time.profile.save", entity: "setting:time.profiles/autotask" }, "de")).toBe("Einstellungen gespeichert: Zeitprofil autotask");
    expect(auditText({ kind: "settings.sepa", entity: "settings:sepa" }, "de")).toBe("Einstellungen gespeichert: SEPA");
    expect(auditText({ kind: "billing.run", entity: "run:run-00002" }, "de")).toBe("Abrechnungslauf run-00002 durchgeführt");
    expect(auditText({ kind: "something.new", entity: "thing:1" }, "de")).toBe("Änderung (something.new) an thing:1");
  });

  it("every entity type written in src has words for its object (the auditor export's Objekt column)", () => {
    const types = new Set<string>();
    for (const file of sources(join(__dirname, "../../src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/entity: [`"]([a-zA-Z]+):/g)) types.add(m[1]!);
      if (file.endsWith("batch-dependencies.ts")) for (const m of text.matchAll(/return `([a-zA-Z]+):/g)) types.add(m[1]!);
    }
    expect(types.size).toBeGreaterThan(15);
    const missing = [...types].filter((t) => !["mapping", "setting", "settings"].includes(t) && !OBJECT_TYPES.has(t));
    expect(missing).toEqual([]);
    for (const t of OBJECT_TYPES) expect([t, MESSAGES[auditObjectNote(`${t}:1`).code]]).toEqual([t, expect.anything()]);
  });

  it("renders an entry's object and source as words, keeping ids", () => {
    expect(auditObjectText("contract:V-1001", "de")).toBe("Vertrag V-1001");
    expect(auditObjectText("contract:V-1001/1", "de")).toBe("Vertrag/Position V-1001/1");
    expect(auditObjectText("purchase:EK-1/2", "en")).toBe("Purchase contract/position EK-1/2");
    expect(auditObjectText("run:run-00002", "en")).toBe("Billing run run-00002");
    expect(auditObjectText("mapping:customer:3333-cccc", "de")).toBe("Kundenzuordnung 3333-cccc");
    expect(auditObjectText("setting:company", "de")).toBe("Einstellungen: Firmenangaben");
    expect(auditObjectText("setting:time.profiles/autotask", "de")).toBe("Einstellungen: Zeitprofil autotask");
    expect(auditObjectText("timeEntry:T-9", "de")).toBe("Zeiteintrag T-9");
    expect(auditObjectText("thing:1", "de")).toBe("thing:1");
    expect(auditSourceText("manual", "de")).toBe("manuell");
    expect(auditSourceText("manual", "en")).toBe("manual");
    expect(auditSourceText("sha256:ab12", "de")).toBe("sha256:ab12");
  });

  it("no sentence holds a code word", () => {
    for (const [code, text] of Object.entries(MESSAGES)) {
      if (!code.startsWith("audit.") || code === "audit.other") continue;
      expect([code, text.de.replace(/\{\w+\}/g, "").match(CODE_WORD)]).toEqual([code, null]);
      expect([code, text.en.replace(/\{\w+\}/g, "").match(CODE_WORD)]).toEqual([code, null]);
    }
  });
});
