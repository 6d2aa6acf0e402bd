import cors from "@fastify/cors";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import type { SqlStore } from "../store/sql/sql-store";
import { AuthStore, LoginThrottle, passwordProblem, ROLES, type Role } from "./auth";
import { ERROR_SCHEMA } from "./http-errors";
import { ADMIN, ANY_ROLE } from "./route-kit";
import { registerBillingRoutes } from "./routes-billing";
import { registerDataRoutes } from "./routes-data";
import { registerCliRoute } from "./routes-cli";
import { registerPaneRoutes } from "./routes-pane";
import { registerLedgerLookupRoute } from "./routes-ledger-lookup";
import { paneArgComponents } from "./pane-schemas/openapi";

export interface ServerOptions {
  store: SqlStore;
  now: () => string;
  /** Origins allowed by CORS (the add-in's); none when empty. */
  corsOrigins: readonly string[];
  /** Bearer token lifetime (ms). */
  tokenTtlMs?: number;
  /** Fastify's logger (off in tests); request bodies and headers are never logged. */
  logger?: boolean;
}

/**
 * The team server (`msp-billing serve`): a thin JSON host over the src/app use cases. Every request
 * but login, health and the OpenAPI document needs a bearer token; each route names the roles it
 * allows. Use cases run as the logged-in user (`store.as(user)`), so audit entries name them.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store, now } = options;
  const auth = new AuthStore(store, now, options.tokenTtlMs);
  const throttle = new LoginThrottle();
  // Fastify's default request log holds method, URL and status only (no headers, no bodies): no
  // password or token reaches the log.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024 * 1024 });
  await app.register(swagger, {
    openapi: {
      info: { title: "MSP Billing team server", version: "1" },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas: paneArgComponents() },
      security: [{ bearer: [] }],
    },
  });
  await app.register(cors, { origin: options.corsOrigins.length > 0 ? [...options.corsOrigins] : false, allowedHeaders: ["Authorization", "Content-Type", "If-None-Match", "Accept-Language"], exposedHeaders: ["ETag", "X-Store-Revision"] });

  app.addHook("onRequest", async (req, reply) => {
    const roles = req.routeOptions.config?.roles;
    if (!roles) return;
    const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
    const user = m ? await auth.authenticate(m[1]!) : null;
    if (!user) return reply.code(401).header("WWW-Authenticate", "Bearer").send({ error: "unauthorized", message: "login required (Authorization: Bearer TOKEN)" });
    if (!roles.includes(user.role)) return reply.code(403).send({ error: "forbidden", message: `role ${user.role} may not ${req.method} ${req.routeOptions.url}` });
    req.user = user;
  });

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  app.get("/api/health", { schema: { summary: "Liveness and store revision (no login)", security: [] } }, async () => ({ ok: true, store: store.kind, revision: await store.revision() }));

  app.post<{ Body: { user: string; password: string } }>(
    "/api/login",
    {
      schema: {
        summary: "Log in: a bearer token that expires",
        security: [],
        body: { type: "object", properties: { user: { type: "string", minLength: 1 }, password: { type: "string" } }, required: ["user", "password"] },
        response: { 200: { type: "object", properties: { token: { type: "string" }, expiresAt: { type: "string" }, user: { type: "string" }, role: { type: "string" } } }, 401: ERROR_SCHEMA, 429: ERROR_SCHEMA },
      },
    },
    async (req, reply) => {
      const keys = [`user:${req.body.user}`, `ip:${req.ip}`];
      const t = Date.now();
      const wait = throttle.waitMs(keys, t);
      if (wait > 0) return reply.code(429).header("Retry-After", String(Math.ceil(wait / 1000))).send({ error: "throttled", message: "too many failed logins; try again later" });
      const r = await auth.login(req.body.user, req.body.password);
      if (!r) {
        throttle.fail(keys, t);
        return reply.code(401).send({ error: "unauthorized", message: "unknown user or wrong password" });
      }
      throttle.succeed(keys);
      return { token: r.token, expiresAt: r.expiresAt, user: r.user.name, role: r.user.role };
    },
  );

  app.post("/api/logout", { config: { roles: ANY_ROLE }, schema: { summary: "Ends the token" } }, async (req) => {
    await auth.logout(/^Bearer (\S+)$/.exec(req.headers.authorization ?? "")![1]!);
    return { ok: true };
  });

  app.get("/api/me", { config: { roles: ANY_ROLE }, schema: { summary: "The logged-in user" } }, async (req) => req.user);

  app.get("/api/users", { config: { roles: ADMIN }, schema: { summary: "Users (admin)" } }, async () => auth.users());

  app.post<{ Body: { name: string; role: Role; password: string } }>(
    "/api/users",
    {
      config: { roles: ADMIN },
      schema: {
        summary: "Adds a user (admin)",
        body: { type: "object", properties: { name: { type: "string", minLength: 1, pattern: "^[A-Za-z0-9._@-]+$" }, role: { type: "string", enum: [...ROLES] }, password: { type: "string" } }, required: ["name", "role", "password"] },
      },
    },
    async (req, reply) => {
      const problem = passwordProblem(req.body.password);
      if (problem) return reply.code(400).send({ error: "bad_password", message: problem });
      const r = await auth.addUser(req.body.name, req.body.role, req.body.password);
      if (r === "exists") return reply.code(409).send({ error: "exists", message: `user ${req.body.name} exists` });
      await store.as(req.user!.name).write((tx) => tx.audit.append([{ at: now(), kind: "server.user.add", source: "manual", entity: `user:${req.body.name}`, after: { name: req.body.name, role: req.body.role } }]));
      return reply.code(201).send({ name: req.body.name, role: req.body.role });
    },
  );

  app.post<{ Params: { name: string }; Body: { disabled: boolean } }>(
    "/api/users/:name/disabled",
    { config: { roles: ADMIN }, schema: { summary: "Disables or enables a user (admin); disabling ends their tokens", body: { type: "object", properties: { disabled: { type: "boolean" } }, required: ["disabled"] } } },
    async (req, reply) => {
      if (!(await auth.setDisabled(req.params.name, req.body.disabled))) return reply.code(404).send({ error: "not_found", message: `no user ${req.params.name}` });
      await store.as(req.user!.name).write((tx) => tx.audit.append([{ at: now(), kind: req.body.disabled ? "server.user.disable" : "server.user.enable", source: "manual", entity: `user:${req.params.name}` }]));
      return { ok: true };
    },
  );

  registerDataRoutes(app, store, now);
  registerBillingRoutes(app, store, now);
  registerCliRoute(app, store, now);
  registerPaneRoutes(app, store, now);
  registerLedgerLookupRoute(app, store);
  return app;
}

/** The `Authorization` header value of a token. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
