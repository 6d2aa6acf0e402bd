import { exportUserProfiles, loadUserProfiles, saveProfilesFromJson } from "../../app/profiles";
import { BUILTIN_PROFILES } from "../../io/vendor/profiles/registry";
import { optional, parseArgs, required } from "../args";
import { singleTextFile } from "../read-input";
import type { CliIo, Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

async function addOrImport(argv: string[], io: CliIo, verb: string): Promise<number> {
  const args = parseArgs(argv, ["workspace"], ["json"]);
  const input = singleTextFile(args.positionals, "profile JSON file");
  if (!input.ok) {
    reportIssues(io, input.issues);
    return 1;
  }
  const { file, text } = input.value;
  return withWorkspace(required(args, "workspace"), io, async (ctx) => {
    const r = await saveProfilesFromJson(ctx, text);
    if (!r.ok) {
      reportIssues(io, r.issues.map((i) => ({ ...i, where: { source: file, ...i.where } })));
      io.err(`profile ${verb}: nothing was saved.\n`);
      return { code: 1, save: false };
    }
    if (args.flags.has("json")) printJson(io, { saved: r.value.map((p) => p.id) });
    else io.out(`profile ${verb}: saved ${r.value.map((p) => `${p.id} (${p.name})`).join(", ")}\n`);
    return { code: 0, save: true };
  });
}

export const profileAddCommand: Command = {
  name: "profile add",
  usage: "profile add --workspace W PROFILE.json",
  summary: "save a user-defined vendor file profile (validated first)",
  run: (argv, io) => addOrImport(argv, io, "add"),
};

export const profileImportCommand: Command = {
  name: "profile import",
  usage: "profile import --workspace W PROFILES.json",
  summary: "import profiles exported with `profile export` (all or nothing)",
  run: (argv, io) => addOrImport(argv, io, "import"),
};

export const profileListCommand: Command = {
  name: "profile list",
  usage: "profile list --workspace W [--json]",
  summary: "list built-in and saved vendor file profiles",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    return withWorkspace(required(args, "workspace"), io, async (ctx) => {
      const { profiles, issues } = await loadUserProfiles(ctx);
      reportIssues(io, issues);
      const list = [...BUILTIN_PROFILES.map((p) => ({ id: p.id, name: p.name, kind: "built-in" })), ...profiles.map((p) => ({ id: p.id, name: p.name, kind: "user" }))];
      if (args.flags.has("json")) printJson(io, list);
      else for (const p of list) io.out(`${p.id}\t${p.kind}\t${p.name}\n`);
      return { code: 0, save: false };
    }, "read");
  },
};

export const profileExportCommand: Command = {
  name: "profile export",
  usage: "profile export --workspace W --out PROFILES.json [--id ID…]",
  summary: "export saved user profiles as JSON",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "out", "id"], ["json"]);
    return withWorkspace(required(args, "workspace"), io, async (ctx, outputs) => {
      const text = await exportUserProfiles(ctx, args.options.get("id"));
      const out = optional(args, "out");
      if (out) outputs.add(out, text);
      else io.out(text);
      return { code: 0, save: false };
    }, "read");
  },
};
