/**
 * A tiny ordered element tree over fast-xml-parser's `preserveOrder` output, enough for structural
 * manifest checks (element order, attributes, text, descendants).
 */
import { XMLParser } from "fast-xml-parser";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlElement[];
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ":@");
  if (!name || name === "#text" || name.startsWith("?")) return undefined;
  const rawChildren = (node[name] as OrderedNode[]) ?? [];
  const children: XmlElement[] = [];
  let text = "";
  for (const child of rawChildren) {
    if ("#text" in child) text += String(child["#text"]);
    else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  return { name, attrs: { ...(node[":@"] ?? {}) }, text: text.trim(), children };
}

/** Parses an XML document and returns its root element. */
export function parseXml(xml: string): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const nodes = parser.parse(xml) as OrderedNode[];
  for (const node of nodes) {
    const element = toElement(node);
    if (element) return element;
  }
  throw new Error("no root element");
}

/** The only child with this name; throws when there are none or several. */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0]!;
}

export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** Follows a path of child names, each step unique. */
export function path(element: XmlElement, ...names: string[]): XmlElement {
  return names.reduce((current, name) => child(current, name), element);
}

/** All descendants (depth first, document order), optionally filtered by name. */
export function descendants(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    for (const c of e.children) {
      if (!name || c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(element);
  return out;
}

/** All descendants with their ancestor chain, for checks that depend on the parent. */
export function descendantsWithParents(element: XmlElement): Array<{ element: XmlElement; parents: XmlElement[] }> {
  const out: Array<{ element: XmlElement; parents: XmlElement[] }> = [];
  const visit = (e: XmlElement, parents: XmlElement[]): void => {
    for (const c of e.children) {
      out.push({ element: c, parents });
      visit(c, [...parents, e]);
    }
  };
  visit(element, []);
  return out;
}

/** True when `actual` lists names in the same relative order as `canonical` (and only known names). */
export function isInCanonicalOrder(actual: string[], canonical: readonly string[]): boolean {
  let last = -1;
  for (const name of actual) {
    const index = canonical.indexOf(name);
    if (index < 0 || index < last) return false;
    last = index;
  }
  return true;
}
