import { readFileSync } from "node:fs";
import { parseArgs } from "./args.ts";
import { HELP } from "./help.ts";
import { runParse, type ParseIO } from "./parse-command.ts";

/** Runs the blocked-forever CLI; resolves to the process exit code. */
export async function main(argv: readonly string[], io: ParseIO): Promise<number> {
  const command = parseArgs(argv);
  switch (command.name) {
    case "help":
      io.stdout.write(HELP + "\n");
      return 0;
    case "version":
      io.stdout.write(version() + "\n");
      return 0;
    case "usage-error":
      io.stderr.write(`blocked-forever: ${command.message}\nTry 'blocked-forever --help'.\n`);
      return 2;
    case "parse":
      return runParse(command, io);
  }
}

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  const v = typeof pkg === "object" && pkg !== null && "version" in pkg ? String(pkg.version) : "unknown";
  return `blocked-forever ${v}`;
}
