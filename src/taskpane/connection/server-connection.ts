/**
 * The pane's connection to a team server (the *Verbindung* setting in server mode): login with user
 * and password for a bearer token, kept in the pane's storage (localStorage) until logout or expiry,
 * and calls of the pane's use cases (`POST /api/pane/NAME`, see src/app/pane-calls.ts).
 */
import { decodeCallJson, encodeCallJson, type PaneCallName } from "../../app/pane-calls";

/* global fetch, localStorage */

export interface SavedConnection {
  url: string;
  user: string;
  role: string;
  token: string;
  expiresAt: string;
}

const KEY = "msp-billing.connection";

/** Thrown for a refused or failed server call; `status` 0 when the server could not be reached. */
export class ServerCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The saved login, if it has not expired. */
export function savedConnection(now: string): SavedConnection | null {
  try {
    const raw = typeof localStorage === "undefined" ? null : localStorage.getItem(KEY);
    const saved = raw ? (JSON.parse(raw) as SavedConnection) : null;
    return saved && saved.expiresAt > now ? saved : null;
  } catch {
    return null;
  }
}

function save(connection: SavedConnection | null): void {
  if (typeof localStorage === "undefined") return;
  if (connection) localStorage.setItem(KEY, JSON.stringify(connection));
  else localStorage.removeItem(KEY);
}

/** The server's address without a trailing slash; null when it is not an http(s) URL. */
export function normalizeServerUrl(text: string): string | null {
  const t = text.trim().replace(/\/+$/, "");
  try {
    const u = new URL(t);
    return u.protocol === "https:" || u.protocol === "http:" ? t : null;
  } catch {
    return null;
  }
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    throw new ServerCallError(0, e instanceof Error ? e.message : String(e));
  }
}

async function refused(r: Response): Promise<ServerCallError> {
  const text = await r.text();
  try {
    const body = JSON.parse(text) as { message?: string; issues?: { text: string }[] };
    return new ServerCallError(r.status, body.issues?.map((i) => i.text).join("\n") ?? body.message ?? text);
  } catch {
    return new ServerCallError(r.status, text);
  }
}

export class ServerConnection {
  private readonly listeners = new Set<() => void>();
  constructor(readonly saved: SavedConnection) {}

  get url(): string {
    return this.saved.url;
  }

  /** Logs in; the token is kept in the pane's storage. */
  static async login(url: string, user: string, password: string): Promise<ServerConnection> {
    const r = await request(`${url}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user, password }) });
    if (!r.ok) throw await refused(r);
    const body = (await r.json()) as { token: string; expiresAt: string; user: string; role: string };
    const saved: SavedConnection = { url, user: body.user, role: body.role, token: body.token, expiresAt: body.expiresAt };
    save(saved);
    return new ServerConnection(saved);
  }

  /** Ends the token on the server (best effort) and forgets it here. */
  async logout(): Promise<void> {
    save(null);
    await request(`${this.url}/api/logout`, { method: "POST", headers: this.auth() }).catch(() => undefined);
  }

  auth(): Record<string, string> {
    return { authorization: `Bearer ${this.saved.token}` };
  }

  /** GET of a JSON resource (with the token); `etag`: answered 304 → null. */
  async get(path: string, etag?: string): Promise<{ body: unknown; etag: string | null } | null> {
    const r = await request(`${this.url}${path}`, { headers: { ...this.auth(), ...(etag ? { "if-none-match": etag } : {}) } });
    if (r.status === 304) return null;
    if (!r.ok) throw await refused(r);
    return { body: await r.json(), etag: r.headers.get("etag") };
  }

  /** Runs a pane use case on the server (one transaction there) and returns its result. */
  async call(name: PaneCallName, args: readonly unknown[], lang: "de" | "en"): Promise<unknown> {
    const r = await request(`${this.url}/api/pane/${name}`, {
      method: "POST",
      headers: { ...this.auth(), "content-type": "application/json", "accept-language": lang },
      body: encodeCallJson({ args }),
    });
    if (!r.ok) throw await refused(r);
    const result = decodeCallJson(await r.text());
    for (const l of [...this.listeners]) l();
    return result;
  }

  /** Calls `listener` after every completed call (the store may have changed). */
  onCall(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
