import { readFileSync } from "node:fs";
import { parseArgs } from "./args.ts";
import { HELP } from "./help.ts";
import { Output, WriteFailed, writeFailureLine } from "./output.ts";
import { runParse, type ParseIO } from "./parse-command.ts";
import { runSummary } from "./summary-command.ts";

/** Runs the blocked-forever CLI; resolves to the process exit code. */
export async function main(argv: readonly string[], io: ParseIO): Promise<number> {
  const command = parseArgs(argv);
  switch (command.name) {
    case "help":
      return print(io, HELP + "\n");
    case "version":
      return print(io, version() + "\n");
    case "usage-error":
      io.stderr.write(`blocked-forever: ${command.message}\nTry 'blocked-forever --help'.\n`);
      return 2;
    case "parse":
      return runParse(command, io);
    case "summary":
      return runSummary(command, io);
  }
}

/** Writes text to stdout; a failed write is one line on stderr and exit code 2. */
async function print(io: ParseIO, text: string): Promise<number> {
  const output = new Output(io.stdout);
  try {
    await output.write(text);
    await output.flush();
    return 0;
  } catch (e) {
    if (!(e instanceof WriteFailed)) throw e;
    io.stderr.write(writeFailureLine(e));
    return 2;
  }
}

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  const v = typeof pkg === "object" && pkg !== null && "version" in pkg ? String(pkg.version) : "unknown";
  return `blocked-forever ${v}`;
}
