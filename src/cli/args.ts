/** What the command line asked for. */
export type Command =
  | { name: "help" }
  | { name: "version" }
  | { name: "parse"; format: "jsonl" | "csv"; strict: boolean; file: string }
  | { name: "summary"; json: boolean; file: string };

/** A command line the CLI cannot run; `message` says why, for stderr. */
export interface UsageError {
  name: "usage-error";
  message: string;
}

/** Reads argv (without node and the script). Never throws; bad input gives a {@link UsageError}. */
export function parseArgs(argv: readonly string[]): Command | UsageError {
  if (argv.includes("--help") || argv.includes("-h")) return { name: "help" };
  if (argv.includes("--version") || argv.includes("-V")) return { name: "version" };
  const [command, ...rest] = argv;
  if (command === undefined)
    return usage("missing command; try: blocked-forever parse FILE, or blocked-forever summary FILE");
  if (command === "help") return { name: "help" };
  if (command !== "parse" && command !== "summary") {
    return usage(`unknown command '${command}'; the commands are 'parse' and 'summary'`);
  }
  let format: "jsonl" | "csv" = "jsonl";
  let strict = false;
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    if (arg === "--strict" && command === "parse") {
      strict = true;
    } else if (arg === "--json" && command === "summary") {
      json = true;
    } else if (command === "parse" && (arg === "--format" || arg.startsWith("--format="))) {
      const value = arg === "--format" ? rest[++i] : arg.slice("--format=".length);
      if (value !== "jsonl" && value !== "csv") {
        return usage(`--format must be 'jsonl' or 'csv'${value === undefined ? "" : `, not '${value}'`}`);
      }
      format = value;
    } else if (arg === "--") {
      files.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith("-") && arg !== "-") {
      return usage(`unknown option '${arg}'`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) return usage("missing FILE (use - for standard input)");
  if (files.length > 1) return usage(`expected one FILE, got ${files.length}: ${files.join(" ")}`);
  const file = files[0] ?? "-";
  return command === "parse" ? { name: "parse", format, strict, file } : { name: "summary", json, file };
}

function usage(message: string): UsageError {
  return { name: "usage-error", message };
}
