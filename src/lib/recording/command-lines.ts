/** The shell lines a recording's meta.json says were run, and a one-line summary of the setup. */
export interface CommandLines {
  lines: string[];
  facts: string;
}

interface CommandPart {
  dir?: string;
  go?: string;
  env?: string[];
  args?: string[];
}

function isPart(value: unknown): value is CommandPart {
  return typeof value === "object" && value !== null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * Rebuilds, from meta.json's `command`, the build and run commands exactly as the recorder ran
 * them (its $WORK and $OUT placeholders included), and states Go version, platform, GOMAXPROCS
 * and date. Missing parts are left out rather than guessed.
 */
export function commandLines(meta: Record<string, unknown>): CommandLines {
  const command = isPart(meta["command"]) ? (meta["command"] as Record<string, unknown>) : {};
  const build = isPart(command["build"]) ? command["build"] : {};
  const run = isPart(command["run"]) ? command["run"] : {};
  const lines: string[] = [];
  if (typeof build.dir === "string") lines.push(`cd ${build.dir}`);
  const buildArgs = strings(build.args);
  if (buildArgs.length > 0) lines.push([...strings(build.env), build.go ?? "go", ...buildArgs].join(" "));
  const runArgs = strings(run.args);
  if (runArgs.length > 0) lines.push([...strings(run.env), ...runArgs].join(" "));
  const date = typeof meta["startedAt"] === "string" ? meta["startedAt"].slice(0, 10) : "";
  const facts = [
    typeof meta["goVersion"] === "string" ? meta["goVersion"] : "",
    typeof meta["goos"] === "string" && typeof meta["goarch"] === "string" ? `${meta["goos"]}/${meta["goarch"]}` : "",
    typeof meta["gomaxprocs"] === "number" ? `GOMAXPROCS=${String(meta["gomaxprocs"])}` : "",
    date,
  ]
    .filter((f) => f !== "")
    .join(" · ");
  return { lines, facts };
}
