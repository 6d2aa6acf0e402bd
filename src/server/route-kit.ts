import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext, InputFile } from "../app/context";
import type { Issue } from "../core/issues";
import type { Lang } from "../core/messages";
import type { SqlStore } from "../store/sql/sql-store";
import { ROLES, type Role, type ServerUser } from "./auth";
import { apiIssues, langOf } from "./http-errors";

declare module "fastify" {
  interface FastifyRequest {
    user?: ServerUser;
  }
  interface FastifyContextConfig {
    /** Roles allowed on the route; absent: no login needed. */
    roles?: readonly Role[];
  }
}

/** What route handlers get: the store acting as the logged-in user, the clock and the client's language. */
export interface RouteContext {
  ctx: AppContext;
  user: ServerUser;
  lang: Lang;
}

export const ANY_ROLE: readonly Role[] = ROLES;
export const WRITERS: readonly Role[] = ["admin", "clerk"];
export const ADMIN: readonly Role[] = ["admin"];

/** The route context of an authenticated request. */
export function routeContext(req: FastifyRequest, store: SqlStore, now: () => string): RouteContext {
  const user = req.user!;
  return { ctx: { store: store.as(user.name), now }, user, lang: langOf(req.headers["accept-language"]) };
}

/** Replies 422 with the issues of a failed use case (code, params, file/row/column and text). */
export function sendIssues(reply: FastifyReply, lang: Lang, issues: readonly Issue[], status = 422): FastifyReply {
  return reply.code(status).send({ error: "issues", issues: apiIssues(issues, lang) });
}

/** An uploaded file (JSON: name and base64 bytes). */
export interface UploadedFile {
  name: string;
  base64: string;
}

export function inputFile(f: UploadedFile): InputFile {
  return { name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, "base64")) };
}

export const FILE_SCHEMA = {
  type: "object",
  properties: { name: { type: "string", minLength: 1 }, base64: { type: "string" } },
  required: ["name", "base64"],
} as const;

