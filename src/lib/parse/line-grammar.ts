/**
 * The gctrace and SCHED lines as grammars that can say how much of a text could begin such a line,
 * which a regular expression cannot. The runtime prints these lines one field at a time; when a
 * program writes to stderr meanwhile, its text lands between the fields, and the line comes out
 * in pieces, each at the start of a line followed by the program's text (torn-lines.ts joins them).
 * To cut a piece from the program's text after it, the joiner asks {@link LineGrammar.advance}: the
 * longest start of the text that, after what came before, can still grow into a whole line.
 *
 * The grammar is compiled into a small NFA (Thompson's construction) and run on a set of states,
 * so optional parts and alternatives are followed all at once, and the answer is the longest
 * viable prefix, not the first that an alternation happens to take.
 */

type Expr =
  | { t: "char"; test: (c: number) => boolean }
  | { t: "seq"; items: Expr[] }
  | { t: "alt"; items: Expr[] }
  | { t: "opt"; item: Expr }
  | { t: "star"; item: Expr };

const digit = (c: number): boolean => c >= 48 && c <= 57;
const ch = (test: (c: number) => boolean): Expr => ({ t: "char", test });
const seq = (...items: (Expr | string)[]): Expr => ({
  t: "seq",
  items: items.map((i) => (typeof i === "string" ? lit(i) : i)),
});
const alt = (...items: (Expr | string)[]): Expr => ({
  t: "alt",
  items: items.map((i) => (typeof i === "string" ? lit(i) : i)),
});
const opt = (...items: (Expr | string)[]): Expr => ({ t: "opt", item: seq(...items) });
const star = (item: Expr): Expr => ({ t: "star", item });
function lit(s: string): Expr {
  // The grammars' literals are ASCII: one UTF-16 code unit each.
  return seq(...Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)).map((code) => ch((x) => x === code)));
}
const DIGIT = ch(digit);
const INT = seq(DIGIT, star(DIGIT));
const SINT = seq(opt("-"), INT);
const NUM = seq(INT, opt(".", INT));
const FLAG = alt("0", "1", "true", "false");
// `[0 0]` or `[ 0 0 ]`: the final whole-line parse checks the list's shape.
const LIST = seq("[", star(ch((c) => digit(c) || c === 32 || c === 45)), "]");

/** The gctrace line of Go 1.18–1.27 (and the older one without stacks and globals). */
// prettier-ignore
const GC = seq(
  "gc ", INT, " @", NUM, "s ", INT, "%", opt(" (checking for goroutine leaks)"), ": ",
  NUM, "+", NUM, "+", NUM, " ms clock, ",
  NUM, "+", NUM, "/", NUM, "/", NUM, "+", NUM, " ms cpu, ",
  INT, "->", INT, "->", INT, " MB, ", INT, " MB goal, ",
  opt(INT, " MB stacks, ", INT, " MB globals, "),
  INT, " P", opt(" (forced)"),
);

/** The SCHED line of schedtrace, summary or detailed, Go 1.19–1.27. */
// prettier-ignore
const SCHED = seq(
  "SCHED ", INT, "ms: gomaxprocs=", SINT, " idleprocs=", SINT, " threads=", SINT, " spinningthreads=", SINT,
  opt(" needspinning=", SINT), " idlethreads=", SINT, " runqueue=", SINT,
  alt(
    seq(" gcwaiting=", FLAG, " nmidlelocked=", SINT, " stopwait=", SINT, " sysmonwait=", FLAG),
    seq(" ", LIST, opt(" schedticks=", LIST)),
  ),
);

// The compiled NFA: a char node tests one character and goes to `next`; a split node goes to all
// of `to` without reading anything; node 0 is the end (a whole line).
interface CharNode {
  test: (c: number) => boolean;
  next: number;
}
interface SplitNode {
  to: number[];
}
type NfaNode = CharNode | SplitNode | null;

/** Where a grammar is after some text: the char nodes it may read next (and 0 at a line's end). */
export type GrammarState = readonly number[];

/** A grammar compiled for {@link LineGrammar.advance}. */
export class LineGrammar {
  readonly #nodes: NfaNode[] = [null];
  // For each char node, the states after it reads its character: its next node's closure.
  readonly #after: number[][] = [];
  readonly #start: number[];
  // Marks for deduplicating a step's states without a Set: a node is in when marked this step.
  #mark = new Int32Array(0);
  #step = 0;

  constructor(expr: Expr) {
    const start = this.#compile(expr, 0);
    this.#mark = new Int32Array(this.#nodes.length);
    this.#start = this.#close(start);
    this.#nodes.forEach((node, i) => {
      if (node !== null && "next" in node) this.#after[i] = this.#close(node.next);
    });
  }

  #compile(e: Expr, next: number): number {
    switch (e.t) {
      case "char":
        return this.#nodes.push({ test: e.test, next }) - 1;
      case "seq":
        for (const item of [...e.items].reverse()) next = this.#compile(item, next);
        return next;
      case "alt":
        return this.#nodes.push({ to: e.items.map((i) => this.#compile(i, next)) }) - 1;
      case "opt":
        return this.#nodes.push({ to: [this.#compile(e.item, next), next] }) - 1;
      case "star": {
        const loop = this.#nodes.push({ to: [] }) - 1;
        (this.#nodes[loop] as SplitNode).to.push(this.#compile(e.item, loop), next);
        return loop;
      }
    }
  }

  /** The char nodes (and the end) reachable from `from` without reading. */
  #close(from: number): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    const stack = [from];
    for (let i = stack.pop(); i !== undefined; i = stack.pop()) {
      if (seen.has(i)) continue;
      seen.add(i);
      const node = this.#nodes[i];
      if (node !== null && node !== undefined && "to" in node) stack.push(...node.to);
      else out.push(i);
    }
    return out;
  }

  /** The state before any text. */
  get start(): GrammarState {
    return this.#start;
  }

  /**
   * Reads `text` from `state` for as long as it can still begin a line of this grammar: how many
   * characters that is (0 to text.length), and the state after them.
   */
  advance(state: GrammarState, text: string): { length: number; state: GrammarState } {
    let states = state;
    const mark = this.#mark;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const step = ++this.#step;
      const next: number[] = [];
      for (const s of states) {
        const node = this.#nodes[s] as CharNode | null;
        if (!node?.test(c)) continue;
        for (const t of this.#after[s] ?? []) {
          if (mark[t] !== step) {
            mark[t] = step;
            next.push(t);
          }
        }
      }
      if (next.length === 0) return { length: i, state: states };
      states = next;
    }
    return { length: text.length, state: states };
  }
}

/** The gctrace line's grammar. */
export const GC_GRAMMAR = new LineGrammar(GC);

/** The SCHED line's grammar. */
export const SCHED_GRAMMAR = new LineGrammar(SCHED);
