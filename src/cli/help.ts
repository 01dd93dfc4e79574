import { CSV_ARRAY_SEPARATOR } from "../lib/parse/records-csv.ts";
import { ERROR_REASONS, NOTE_REASONS } from "../lib/parse/trace-records.ts";

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
       blocked-forever summary [--json] FILE
       blocked-forever --help | --version

Reads the output of a Go program run with GODEBUG=gctrace=1,schedtrace=X,scheddetail=1
(also scavtrace=1, gcpacertrace=1; Go 1.18 to 1.27), goroutine dumps, tracebacks and
goroutine (leak) profiles among it. Lines may come behind a log collector's prefix
(containerd/CRI, docker logs -t, Docker json-file, journald short and short-iso), which is
stripped; FILE may be gzip-compressed, whatever its name. FILE '-' reads standard input.

  parse      writes one record per input line, in input order (see the kinds below)
  summary    prints what the lab shows: GC cycles, peak live heap, pause percentiles,
             goroutines live and dead, dumps, errors; --json prints it as one JSON object

Options:
  --format jsonl   one JSON object per line (default)
  --format csv     RFC 4180 CSV with a header of every column; arrays joined with '${CSV_ARRAY_SEPARATOR}'
  --strict         exit 1 if any line is an error record
  --json           summary as JSON
  -h, --help       this text
  -V, --version    the version

Exit status: 0 input read (bad lines are error records); 1 --strict and an error record
(stderr counts them by reason); 2 bad command line, FILE cannot be read (or its gzip data is
damaged: what came before is written), or the output cannot be written (a full disk, a closed
pipe): one line on stderr says which.

Every record has 'kind' and 'line' (1-based), and 'wall' (the prefix's time, as printed) when
its line had a prefix. Kinds and their fields:
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
  goroutine  a goroutine of a dump or traceback (header line to endLine): dump (its number),
             id, state, leaked, waitMinutes, lockedToThread, frames [{func, file, line}],
             framesElided, createdBy {func, file, line}, creator (goroutine id)
  goroutine-group  a stack of a debug=1 goroutine or goroutineleak profile (to endLine):
             dump, profile, total, count, frames, labels
  other      anything else: text, source (program | pacer | runtime); blank lines too
  note       not an error: reason, lines, missingGcs, message; reason is one of
${wrap(NOTE_REASONS.join(", "), 13, 92)}
  error      a line that starts like runtime output but does not parse (torn by other
             output), binary data, or an over-long line: reason, text, message; reason is
${wrap(`one of ${ERROR_REASONS.join(", ")}`, 13, 92)}
Ids printed as -1 or nil are null. tMs of p/m/g lines is that of the SCHED line above.
Full schema: docs/cli.md`;
