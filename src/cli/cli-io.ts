/** What a CLI command may touch besides files: output streams and the clock (injected for tests). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => string;
  lang: "de" | "en";
}

/** A command: parses its own arguments and returns the exit code (0 ok, 1 error, 2 usage). */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  run: (argv: string[], io: CliIo) => Promise<number>;
}
