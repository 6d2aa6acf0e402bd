import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import type { SqlStore } from "../store/sql/sql-store";

/** The team server's roles: admin (users, settings, everything), clerk (billing work), auditor (read, export). */
export type Role = "admin" | "clerk" | "auditor";
export const ROLES: readonly Role[] = ["admin", "clerk", "auditor"];

export interface ServerUser {
  name: string;
  role: Role;
}

// scrypt N=2^15, r=8, p=1 (OWASP's minimum for scrypt); the parameters are stored with the hash so
// they can be raised later without invalidating existing passwords.
const N = 32768;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scryptAsync(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEYLEN, { N: n, r, p, maxmem: 128 * n * r * 2 }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64) of a password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return false;
  const key = await scryptAsync(password, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p));
  const want = Buffer.from(hash, "base64");
  return want.length === key.length && timingSafeEqual(want, key);
}

/** Tokens are stored only as their SHA-256: a leaked database does not leak live tokens. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Why a password is refused (too short); null when acceptable. */
export function passwordProblem(password: string): string | null {
  return password.length < 12 ? "the password must have at least 12 characters" : null;
}

/** Users and bearer tokens in the server-only tables of migration `004_server_auth`. */
export class AuthStore {
  constructor(
    private readonly store: SqlStore,
    private readonly now: () => string,
    readonly tokenTtlMs = 8 * 3600_000,
  ) {}

  async addUser(name: string, role: Role, password: string): Promise<"added" | "exists"> {
    const exists = await this.store.sql(`SELECT "name" FROM "server_users" WHERE "name" = ?`, [name]);
    if (exists.length > 0) return "exists";
    await this.store.sql(`INSERT INTO "server_users" ("name", "role", "password_hash", "created_at", "disabled") VALUES (?, ?, ?, ?, 0)`, [name, role, await hashPassword(password), this.now()]);
    return "added";
  }

  async users(): Promise<(ServerUser & { createdAt: string; disabled: boolean })[]> {
    const rows = await this.store.sql<{ name: string; role: Role; created_at: string; disabled: number }>(`SELECT "name", "role", "created_at", "disabled" FROM "server_users" ORDER BY "name"`);
    return rows.map((r) => ({ name: r.name, role: r.role, createdAt: r.created_at, disabled: Number(r.disabled) !== 0 }));
  }

  async setDisabled(name: string, disabled: boolean): Promise<boolean> {
    const found = await this.store.sql(`SELECT "name" FROM "server_users" WHERE "name" = ?`, [name]);
    if (found.length === 0) return false;
    await this.store.sql(`UPDATE "server_users" SET "disabled" = ? WHERE "name" = ?`, [disabled ? 1 : 0, name]);
    if (disabled) await this.store.sql(`DELETE FROM "server_tokens" WHERE "user_name" = ?`, [name]);
    return true;
  }

  /** A new token for a correct password of an enabled user; null otherwise (the caller does not learn which). */
  async login(name: string, password: string): Promise<{ token: string; expiresAt: string; user: ServerUser } | null> {
    const rows = await this.store.sql<{ name: string; role: Role; password_hash: string; disabled: number }>(`SELECT "name", "role", "password_hash", "disabled" FROM "server_users" WHERE "name" = ?`, [name]);
    const u = rows[0];
    // A missing user costs the same scrypt as a wrong password (no user enumeration by timing).
    const ok = await verifyPassword(password, u?.password_hash ?? DUMMY_HASH);
    if (!u || !ok || Number(u.disabled) !== 0) return null;
    const token = randomBytes(32).toString("base64url");
    const now = this.now();
    const expiresAt = new Date(Date.parse(now) + this.tokenTtlMs).toISOString();
    await this.store.sql(`DELETE FROM "server_tokens" WHERE "expires_at" < ?`, [now]);
    await this.store.sql(`INSERT INTO "server_tokens" ("token_hash", "user_name", "expires_at", "created_at") VALUES (?, ?, ?, ?)`, [tokenHash(token), u.name, expiresAt, now]);
    return { token, expiresAt, user: { name: u.name, role: u.role } };
  }

  /** The user of an unexpired token of an enabled user. */
  async authenticate(token: string): Promise<ServerUser | null> {
    const rows = await this.store.sql<{ name: string; role: Role; expires_at: string }>(
      `SELECT u."name", u."role", t."expires_at" FROM "server_tokens" t JOIN "server_users" u ON u."name" = t."user_name" WHERE t."token_hash" = ? AND u."disabled" = 0`,
      [tokenHash(token)],
    );
    const r = rows[0];
    if (!r || r.expires_at <= this.now()) return null;
    return { name: r.name, role: r.role };
  }

  async logout(token: string): Promise<void> {
    await this.store.sql(`DELETE FROM "server_tokens" WHERE "token_hash" = ?`, [tokenHash(token)]);
  }
}

const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString("base64")}$${Buffer.alloc(KEYLEN).toString("base64")}`;

/**
 * Login throttling: after `limit` failures for the same user name or client address within
 * `windowMs`, further attempts are refused until the window has passed (also for the right password).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds to wait before another attempt is accepted (0: go ahead). */
  waitMs(keys: readonly string[], nowMs: number): number {
    let wait = 0;
    for (const k of keys) {
      const recent = (this.failures.get(k) ?? []).filter((t) => t > nowMs - this.windowMs);
      this.failures.set(k, recent);
      if (recent.length >= this.limit) wait = Math.max(wait, recent[0]! + this.windowMs - nowMs);
    }
    return wait;
  }

  fail(keys: readonly string[], nowMs: number): void {
    for (const k of keys) this.failures.set(k, [...(this.failures.get(k) ?? []), nowMs]);
  }

  succeed(keys: readonly string[]): void {
    for (const k of keys) this.failures.delete(k);
  }
}
