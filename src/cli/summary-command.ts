import { LabAnalysis } from "../lib/lab/lab-analysis.ts";
import type { LabSummary } from "../lib/lab/lab-summary.ts";
import { LogParser } from "../lib/parse/log-parser.ts";
import type { ErrorReason } from "../lib/parse/trace-records.ts";
import { inputBytes, inputName, ReadFailed } from "./input.ts";
import { Output, WriteFailed, writeFailureLine } from "./output.ts";
import type { ParseIO } from "./parse-command.ts";
import { summaryJson, summaryText } from "./summary-format.ts";

/** Options of `blocked-forever summary`. */
export interface SummaryOptions {
  file: string;
  json: boolean;
}

/**
 * Reads FILE (or stdin; gzip data is inflated) as the lab does and prints the lab's summary:
 * words for people, or one JSON object (--json) for a CI job to read. Resolves to the exit code:
 * 0 when the input was read, 2 when it or the output failed.
 */
export async function runSummary(options: SummaryOptions, io: ParseIO): Promise<number> {
  const decoder = new TextDecoder("utf-8");
  const parser = new LogParser();
  const analysis = new LabAnalysis();
  const errors = new Map<ErrorReason, number>();
  const fold = (text: string, end = false): void => {
    analysis.text(text);
    const records = parser.push(text);
    if (end) records.push(...parser.end());
    for (const r of records) {
      if (r.kind === "error") errors.set(r.reason, (errors.get(r.reason) ?? 0) + 1);
      analysis.add(r);
    }
  };
  let failed: ReadFailed | null = null;
  try {
    for await (const chunk of inputBytes({ file: options.file, stdin: io.stdin })) {
      fold(decoder.decode(chunk, { stream: true }));
    }
  } catch (e) {
    if (!(e instanceof ReadFailed)) throw e;
    failed = e;
  }
  if (failed !== null && analysis.lines === 0) {
    io.stderr.write(`blocked-forever: cannot read ${inputName(options.file)}: ${failed.message}\n`);
    return 2;
  }
  fold(decoder.decode(), true);
  analysis.prefixes(parser.prefixes);
  const summary: LabSummary = analysis.summary();
  const output = new Output(io.stdout);
  try {
    const byReason = Object.fromEntries([...errors].sort(([a], [b]) => a.localeCompare(b)));
    await output.write(
      options.json
        ? `${JSON.stringify(summaryJson(options.file, summary, byReason))}\n`
        : summaryText(options.file, summary, byReason),
    );
    await output.flush();
  } catch (e) {
    if (!(e instanceof WriteFailed)) throw e;
    io.stderr.write(writeFailureLine(e));
    return 2;
  }
  if (failed !== null) {
    // The summary of what could be read is out; the failure is told after it.
    io.stderr.write(`blocked-forever: cannot read all of ${inputName(options.file)}: ${failed.message}\n`);
    return 2;
  }
  return 0;
}
