import { CSV_ARRAY_SEPARATOR } from "../lib/parse/records-csv.ts";
import { ERROR_REASONS } from "../lib/parse/trace-records.ts";

/** Words wrapped into lines of at most `width` characters, each indented by `indent` spaces. */
function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.map((l) => " ".repeat(indent) + l).join("\n");
}

/** The text of `blocked-forever --help`. */
export const HELP = `Usage: blocked-forever parse [--format jsonl|csv] [--strict] FILE
       blocked-forever --help | --version

Reads the stderr of a Go program run with GODEBUG=gctrace=1,schedtrace=X,scheddetail=1
(also scavtrace=1, gcpacertrace=1; Go 1.18 to 1.27) and writes one record per input line,
in input order. FILE '-' reads standard input.

Options:
  --format jsonl   one JSON object per line (default)
  --format csv     RFC 4180 CSV with a header of every column; arrays joined with '${CSV_ARRAY_SEPARATOR}'
  --strict         exit 1 if any line is an error record
  -h, --help       this text
  -V, --version    the version

Exit status: 0 input read (bad lines are error records); 1 --strict and an error record
(stderr counts them by reason); 2 bad command line, or FILE cannot be read.

Every record has 'kind' and 'line' (1-based). Kinds and their fields:
  gc         a gctrace line: n, t (s since start), cpuPercent, clockMs [3], cpuMs [5: sweep term,
             assist, background, idle, mark term], heapMB [start, end, live], goalMB,
             stacksMB, globalsMB (null before Go 1.18), procs, forced, leakCheck
  gc-forced  the 'GC forced' line before a periodic (2-minute) GC
  scav       a scavtrace line: form (old|1.19|1.21+), gen, workKiB, eagerKiB, retainedKiB,
             utilPercent, forced, controllerReset
  sched      a SCHED line: tMs, gomaxprocs, idleprocs, threads, spinningthreads, needspinning,
             idlethreads, runqueue, localRunqueues, schedticks, and in detailed mode
             gcwaiting, nmidlelocked, stopwait, sysmonwait (null when absent)
  p          a scheddetail P line: tMs, id, status, schedtick, syscalltick, m, runqsize,
             gfreecnt, timerslen
  m          a scheddetail M line: tMs, id, p, curg, mallocing, throwing, preemptoff, locks,
             dying, spinning, blocked, lockedg
  g          a scheddetail G line: tMs, id, status (raw, e.g. 4100 = scan bit + waiting),
             waitReason, m, lockedm
  other      anything else: text, source (program | pacer | runtime); blank lines too
  error      a line that starts like runtime output but does not parse (torn by other
             output), binary data, or an over-long line: reason, text, message; reason is
${wrap(`one of ${ERROR_REASONS.join(", ")}`, 13, 92)}
Ids printed as -1 or nil are null. tMs of p/m/g lines is that of the SCHED line above.
Full schema: docs/cli.md`;
