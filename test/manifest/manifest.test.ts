/**
 * Structural checks of manifest.xml: the failure modes that stop a shared-runtime add-in from loading
 * (resid mismatch, lifetime, ordering, unresolved resources, http URLs), plus an XSD check via xmllint
 * when it is installed (scripts/check-manifest.sh does the same for CI).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  child,
  children,
  descendants,
  descendantsWithParents,
  isInCanonicalOrder,
  parseXml,
  path,
  type XmlElement,
} from "./xml-tree";

const ROOT = resolve(__dirname, "../..");
const MANIFEST_PATH = join(ROOT, "manifest.xml");
const manifestXml = readFileSync(MANIFEST_PATH, "utf8");
const root = parseXml(manifestXml);

const DEV_ORIGIN = "https://localhost:3000/";

/** OfficeApp children in schema order (OfficeApp base sequence, then the TaskPaneApp extension). */
const OFFICE_APP_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
  "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
  "Dictionary", "VersionOverrides",
] as const;

const versionOverrides = child(root, "VersionOverrides");
const resources = child(versionOverrides, "Resources");
const workbookHost = path(versionOverrides, "Hosts", "Host");

/** Resource ids by kind. */
function resourceIds(kind: "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings"): Map<string, XmlElement> {
  const list = children(resources, kind)[0];
  const map = new Map<string, XmlElement>();
  for (const item of list?.children ?? []) map.set(item.attrs.id ?? "", item);
  return map;
}
const images = resourceIds("bt:Images");
const urls = resourceIds("bt:Urls");
const shortStrings = resourceIds("bt:ShortStrings");
const longStrings = resourceIds("bt:LongStrings");

function urlOf(resid: string): string {
  const url = urls.get(resid)?.attrs.DefaultValue;
  if (!url) throw new Error(`no bt:Url ${resid}`);
  return url;
}

function customFunctionsExtensionPoint(): XmlElement {
  const points = children(child(workbookHost, "AllFormFactors"), "ExtensionPoint").filter(
    (e) => e.attrs["xsi:type"] === "CustomFunctions",
  );
  expect(points).toHaveLength(1);
  return points[0]!;
}

describe("manifest.xml: identity", () => {
  it("is a task pane add-in manifest in the 1.1 namespace", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
  });

  it("lists the top-level elements in schema order", () => {
    expect(isInCanonicalOrder(root.children.map((c) => c.name), OFFICE_APP_ORDER)).toBe(true);
  });

  it("has a fixed GUID id, version 1.0.0.0 and the product names", () => {
    expect(child(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(child(root, "Version").text).toBe("1.0.0.0");
    expect(child(root, "ProviderName").text).toBe("MSP Billing");
    expect(child(root, "DisplayName").attrs.DefaultValue).toBe("MSP Billing");
  });

  it("targets Excel workbooks only", () => {
    const hosts = children(child(root, "Hosts"), "Host");
    expect(hosts.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    const overrideHosts = children(child(versionOverrides, "Hosts"), "Host");
    expect(overrideHosts.map((h) => h.attrs["xsi:type"])).toEqual(["Workbook"]);
  });

  it("requires the SharedRuntime 1.1 requirement set", () => {
    const sets = children(path(root, "Requirements", "Sets"), "Set");
    expect(sets).toContainEqual(expect.objectContaining({ attrs: { Name: "SharedRuntime", MinVersion: "1.1" } }));
  });

  it("asks for exactly ReadWriteDocument (least privilege that works)", () => {
    expect(children(root, "Permissions")).toHaveLength(1);
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
  });

  it("opens taskpane.html by default", () => {
    expect(path(root, "DefaultSettings", "SourceLocation").attrs.DefaultValue).toBe(`${DEV_ORIGIN}taskpane.html`);
  });
});

describe("manifest.xml: shared runtime", () => {
  it("orders the Workbook host as Runtimes, AllFormFactors, DesktopFormFactor", () => {
    expect(workbookHost.children.map((c) => c.name)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
  });

  it("declares exactly one long-lived runtime", () => {
    const runtimes = children(child(workbookHost, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]!.attrs.lifetime).toBe("long");
  });

  it("uses one resid for Runtime, custom functions Page and FunctionFile", () => {
    const runtimeResid = path(workbookHost, "Runtimes", "Runtime").attrs.resid;
    const pageResid = path(customFunctionsExtensionPoint(), "Page", "SourceLocation").attrs.resid;
    const functionFileResid = path(workbookHost, "DesktopFormFactor", "FunctionFile").attrs.resid;
    expect(runtimeResid).toBe("Taskpane.Url");
    expect(pageResid).toBe(runtimeResid);
    expect(functionFileResid).toBe(runtimeResid);
    expect(urlOf(runtimeResid!)).toBe(`${DEV_ORIGIN}taskpane.html`);
  });

  it("declares custom functions (Script, Page, Metadata, Namespace) in order, namespace MSP", () => {
    const point = customFunctionsExtensionPoint();
    expect(point.children.map((c) => c.name)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(urlOf(path(point, "Script", "SourceLocation").attrs.resid!)).toBe(`${DEV_ORIGIN}functions.js`);
    expect(urlOf(path(point, "Metadata", "SourceLocation").attrs.resid!)).toBe(`${DEV_ORIGIN}functions.json`);
    const namespace = shortStrings.get(child(point, "Namespace").attrs.resid!);
    expect(namespace?.attrs.DefaultValue).toBe("MSP");
  });

  it("has a Home tab button that shows the task pane from the shared runtime page", () => {
    const surface = children(child(workbookHost, "DesktopFormFactor"), "ExtensionPoint").find(
      (e) => e.attrs["xsi:type"] === "PrimaryCommandSurface",
    );
    expect(surface).toBeDefined();
    const tab = child(surface!, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const actions = descendants(tab, "Action");
    expect(actions).toHaveLength(1);
    expect(actions[0]!.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(actions[0]!, "SourceLocation").attrs.resid).toBe("Taskpane.Url");
  });
});

describe("manifest.xml: resources", () => {
  /** Which resource list a resid on this element must resolve to. */
  function expectedKind(element: XmlElement): Map<string, XmlElement> {
    switch (element.name) {
      case "bt:Image":
        return images;
      case "Label":
      case "Title":
      case "Namespace":
        return shortStrings;
      case "Description":
        return longStrings;
      default:
        return urls; // Runtime, SourceLocation, FunctionFile, LearnMoreUrl
    }
  }

  const referencing = descendantsWithParents(versionOverrides).filter(
    ({ element, parents }) => element.attrs.resid !== undefined && !parents.some((p) => p.name === "Resources"),
  );

  it("references resources", () => {
    expect(referencing.length).toBeGreaterThan(10);
  });

  const distinctReferences = [
    ...new Map(referencing.map(({ element }) => [`<${element.name} resid="${element.attrs.resid}">`, element] as const)),
  ];

  it.each(distinctReferences)(
    "%s resolves to a resource of the right kind and is at most 32 characters",
    (_label, element) => {
      const resid = element.attrs.resid!;
      expect(resid.length).toBeGreaterThan(0);
      expect(resid.length).toBeLessThanOrEqual(32);
      expect(expectedKind(element).has(resid)).toBe(true);
    },
  );

  it("has unique resource ids of at most 32 characters", () => {
    const all = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("uses every declared resource", () => {
    const used = new Set(referencing.map(({ element }) => element.attrs.resid));
    const declared = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    expect(declared.filter((id) => !used.has(id))).toEqual([]);
  });

  it("keeps short strings within 125 characters", () => {
    for (const s of shortStrings.values()) expect((s.attrs.DefaultValue ?? "").length).toBeLessThanOrEqual(125);
  });

  it("provides 16, 32 and 80 px ribbon icons that exist as PNGs of that size", () => {
    const sizes = descendants(child(workbookHost, "DesktopFormFactor"), "bt:Image").map((i) => i.attrs.size);
    expect(new Set(sizes)).toEqual(new Set(["16", "32", "80"]));
    for (const image of images.values()) {
      const url = image.attrs.DefaultValue!;
      expect(url.startsWith(`${DEV_ORIGIN}assets/`)).toBe(true);
      const file = join(ROOT, url.slice(DEV_ORIGIN.length));
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const width = png.readUInt32BE(16);
      const size = Number(/icon-(\d+)\.png$/.exec(url)?.[1]);
      expect(width).toBe(size);
    }
  });

  it("uses https for every URL", () => {
    const values: string[] = [];
    for (const { element } of descendantsWithParents(root)) {
      for (const value of Object.values(element.attrs)) values.push(value);
      if (element.text) values.push(element.text);
    }
    const links = values.filter((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !v.startsWith("http://schemas.") && !v.startsWith("http://www.w3.org/"));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(link).toMatch(/^https:\/\//);
  });

  it("serves every dev URL from files the build produces", () => {
    const paths = new Set<string>();
    for (const { element } of descendantsWithParents(root)) {
      for (const value of [...Object.values(element.attrs), element.text]) {
        if (value.startsWith(DEV_ORIGIN)) paths.add(value.slice(DEV_ORIGIN.length));
      }
    }
    const expected = new Set(["taskpane.html", "functions.js", "functions.json", "functions-de.json"]);
    for (const p of paths) {
      if (p.startsWith("assets/")) expect(existsSync(join(ROOT, p))).toBe(true);
      else expect(expected.has(p)).toBe(true);
    }
    const dist = join(ROOT, "dist");
    if (existsSync(join(dist, "taskpane.html"))) {
      for (const p of paths) expect(existsSync(join(dist, p))).toBe(true);
    }
  });
});

function hasXmllint(): boolean {
  return spawnSync("xmllint", ["--version"], { stdio: "ignore" }).status === 0;
}

const describeXsd = hasXmllint() ? describe : describe.skip;

describeXsd("manifest.xml: XSD (vendored schemas/office, xmllint)", () => {
  const schema = join(ROOT, "schemas/office/OfficeAppManifestV1_1.xsd");

  function validate(file: string): { ok: boolean; output: string } {
    const result = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], { encoding: "utf8" });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  }

  it("validates manifest.xml", () => {
    const result = validate(MANIFEST_PATH);
    expect(result.output).toContain("validates");
    expect(result.ok).toBe(true);
  });

  it("rejects a manifest whose Runtimes come after AllFormFactors", () => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-"));
    try {
      const runtimes = /\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(manifestXml)![0];
      const broken = manifestXml.replace(runtimes, "").replace("</AllFormFactors>", `</AllFormFactors>${runtimes}`);
      const file = join(dir, "manifest.xml");
      writeFileSync(file, broken);
      expect(validate(file).ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("scripts/check-manifest.sh passes", () => {
    expect(() => execFileSync("bash", [join(ROOT, "scripts/check-manifest.sh")], { stdio: "pipe" })).not.toThrow();
  });
});
