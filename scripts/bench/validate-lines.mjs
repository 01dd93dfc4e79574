// The cheapest parser that still checks every line: one sticky-free regular expression test per
// line, chosen by the line's first characters, with no field read and no record built. Its speed
// against the bare split is the ceiling of any parser that validates each line in V8 (the regex
// engine reads the characters natively; every field a parser then reads, and every record it
// builds, comes on top). The patterns restate the parser's grammars (src/lib/parse/parse-*.ts) for
// the bench, as the oracle tests do, so the bench does not reach into the parser's internals.
const NUM = String.raw`\d+(?:\.\d+)?`;
const INT = String.raw`\d+`;
const ID = String.raw`(?:-?\d+|nil)`;
const I = String.raw`-?\d+`;
const FREE = String.raw`[^\0\uFFFD\r\n\u2028\u2029]`;
const GC = new RegExp(
  `^gc ${INT} @${NUM}s ${INT}%(?: \\(checking for goroutine leaks\\))?: ${NUM}\\+${NUM}\\+${NUM} ms clock, ` +
    `${NUM}\\+${NUM}/${NUM}/${NUM}\\+${NUM} ms cpu, ${INT}->${INT}->${INT} MB, ${INT} MB goal, ` +
    `(?:${INT} MB stacks, ${INT} MB globals, )?${INT} P(?: \\(forced\\))?$`,
);
const SCHED = new RegExp(
  String.raw`^SCHED \d+ms: gomaxprocs=${I} idleprocs=${I} threads=${I} spinningthreads=${I}(?: needspinning=${I})? ` +
    String.raw`idlethreads=${I} runqueue=${I}(?: gcwaiting=\w+ nmidlelocked=${I} stopwait=${I} sysmonwait=\w+| \[[\d -]*\](?: schedticks=\[[\d -]*\])?)$`,
);
const G = new RegExp(String.raw`^  G\d+: status=\d+\(${FREE}*?\) m=${ID} lockedm=${ID}$`);
const P = new RegExp(
  String.raw`^  P\d+: status=${I} schedtick=${I} syscalltick=${I} m=${ID} runqsize=${I} gfreecnt=${I}(?: timerslen=${I})?$`,
);
const M = new RegExp(
  String.raw`^  M\d+: p=${ID} curg=${ID} mallocing=${I} throwing=${I} preemptoff=${FREE}*? locks=${I} dying=${I} ` +
    String.raw`spinning=(?:true|false) blocked=(?:true|false) lockedg=${ID}$`,
);

/** Tests each line's text against its kind's pattern; returns how many matched. */
export function validateLines(lines) {
  let matched = 0;
  for (const { text } of lines) {
    const c = text.charCodeAt(0);
    const c2 = text.charCodeAt(2);
    const re = c === 103 ? GC : c === 83 ? SCHED : c === 32 ? (c2 === 71 ? G : c2 === 80 ? P : M) : null;
    if (re !== null && re.test(text)) matched++;
  }
  return matched;
}
