import type { FastifyInstance } from "fastify";
import type { CliIo } from "../cli/cli-io";
import { COMMAND_NAMES, runCli } from "../cli/main";
import { type RemoteWorkspace, remoteScope } from "../cli/remote-scope";
import type { BillingStore, StoreTx } from "../store/port";
import type { SqlStore } from "../store/sql/sql-store";
import type { Role } from "./auth";
import { FILE_SCHEMA, type UploadedFile } from "./route-kit";
import { ADMIN, ANY_ROLE, WRITERS } from "./route-kit";

/**
 * Which roles may run a CLI command on the team server (`--server`), as the API's routes decide:
 * auditors read and export, clerks do the billing work, settings are the administrator's. A command
 * not listed (serve, user add, push, restore, login) does not run remotely.
 */
export const REMOTE_COMMANDS: Readonly<Record<string, readonly Role[]>> = {
  // read and export
  "export-master": ANY_ROLE, backup: ANY_ROLE, export: ANY_ROLE, "export-audit": ANY_ROLE, verify: ANY_ROLE,
  "profile list": ANY_ROLE, "profile export": ANY_ROLE, "export-profile list": ANY_ROLE, "export-profile export": ANY_ROLE,
  "rules show": ANY_ROLE, "time balance": ANY_ROLE, "links report": ANY_ROLE, "mandates export": ANY_ROLE, runs: ANY_ROLE, invoices: ANY_ROLE,
  "meters review": ANY_ROLE, "time review": ANY_ROLE, "usage review": ANY_ROLE,
  // billing work
  "import-master": WRITERS, reconcile: WRITERS, apply: WRITERS, undo: WRITERS, bill: WRITERS, "cost-check": WRITERS,
  "purchase import": WRITERS, "links import": WRITERS, "price-update": WRITERS, "meters import": WRITERS,
  "time import": WRITERS, "time approve": WRITERS,
  "usage import": WRITERS, "usage approve": WRITERS,
  "mandates import": WRITERS, sepa: WRITERS, finalize: WRITERS, "cancel-invoice": WRITERS, einvoice: WRITERS,
  // settings
  "rules set": ADMIN, "profile add": ADMIN, "profile import": ADMIN, "export-settings": ADMIN, "export-profile import": ADMIN, "export-profile delete": ADMIN,
  "sepa settings": ADMIN, "usage rules": ADMIN, "time profile": ADMIN,
};

/** Where the command line names its store; the server's store is injected instead (see withWorkspace). */
const TEAM_STORE = "(team store)";

/** Options a remote command line may not carry: the server decides the store. */
const STORE_OPTIONS = /^--(workspace|database|server|token)(=|$)/;

/** The command an argument vector names (two-word commands first), as runCli finds it. */
export function remoteCommandName(argv: readonly string[]): string | null {
  const [name, second] = argv;
  if (!name) return null;
  return COMMAND_NAMES.find((c) => c === `${name} ${second ?? ""}`) ?? COMMAND_NAMES.find((c) => c === name) ?? null;
}

/** Thrown by an auditor's store when a command tries to change something. */
export class ReadOnlyViolation extends Error {}

/**
 * An auditor's view of the store: every transaction is a read transaction, so a command that would
 * change something (issue a draft run on export, say) fails before it writes anything.
 */
export function readOnly(store: BillingStore): BillingStore {
  const view: BillingStore = {
    kind: store.kind,
    location: store.location,
    read: (fn) => store.read(fn),
    write: <T>(fn: (tx: StoreTx) => Promise<T>) =>
      store.read(fn).catch((e: unknown) => {
        throw /write in a read transaction|cannot run inside a read/.test(String((e as Error)?.message)) ? new ReadOnlyViolation() : e;
      }),
    revision: () => store.revision(),
    as: (user) => readOnly(store.as(user)),
    onChange: (l) => store.onChange(l),
    close: () => Promise.resolve(),
  };
  return view;
}

interface CliBody {
  argv: string[];
  files?: UploadedFile[];
  lang?: "de" | "en";
}

/**
 * `POST /api/cli`: runs one CLI command for a `msp-billing --server` client, on the server's store
 * as the logged-in user, in one transaction (the command's own), with the uploaded input files.
 * Returns the exit code, stdout, stderr and the output files; the client writes those only after
 * success. The command never touches the server's file system.
 */
export function registerCliRoute(app: FastifyInstance, store: SqlStore, now: () => string): void {
  app.post<{ Body: CliBody }>(
    "/api/cli",
    {
      config: { roles: ANY_ROLE },
      schema: {
        summary: "Runs a CLI command on the team store (msp-billing --server): uploaded input files in, exit code, stdout, stderr and output files out",
        body: {
          type: "object",
          properties: { argv: { type: "array", items: { type: "string" }, minItems: 1 }, files: { type: "array", items: FILE_SCHEMA }, lang: { type: "string", enum: ["de", "en"] } },
          required: ["argv"],
        },
      },
    },
    async (req, reply) => {
      const user = req.user!;
      const argv = req.body.argv;
      const bad = argv.find((a) => STORE_OPTIONS.test(a));
      if (bad) return reply.code(400).send({ error: "bad_request", message: `${bad.split("=")[0]} is not allowed on the server: the server's store is used` });
      const name = remoteCommandName(argv);
      if (!name) return reply.code(400).send({ error: "unknown_command", message: `unknown command ${argv[0]}` });
      const roles = REMOTE_COMMANDS[name];
      if (!roles) return reply.code(400).send({ error: "not_remote", message: `${name} does not run through the server` });
      if (!roles.includes(user.role)) return reply.code(403).send({ error: "forbidden", message: `role ${user.role} may not run ${name}` });
      const files = new Map<string, Uint8Array>();
      for (const f of req.body.files ?? []) files.set(f.name, new Uint8Array(Buffer.from(f.base64, "base64")));
      const asUser = store.as(user.name);
      const remote: RemoteWorkspace = { store: user.role === "auditor" ? readOnly(asUser) : asUser, files, outputs: [] };
      let stdout = "";
      let stderr = "";
      const io: CliIo = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), now, lang: req.body.lang ?? "de" };
      let code: number;
      try {
        code = await remoteScope.run(remote, () => runCli([...argv, "--workspace", TEAM_STORE], io));
      } catch (e) {
        if (e instanceof ReadOnlyViolation) return reply.code(403).send({ error: "forbidden", message: `role ${user.role} may not change the store (${name} would)` });
        throw e;
      }
      const outputs = code === 0 ? remote.outputs : [];
      return {
        code,
        stdout,
        stderr,
        files: outputs.map((f) => ({ path: f.path, base64: Buffer.from(typeof f.content === "string" ? Buffer.from(f.content, "utf8") : f.content).toString("base64") })),
      };
    },
  );
}
