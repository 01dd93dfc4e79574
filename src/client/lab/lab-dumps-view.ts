// The lab's view of the goroutine dumps and profiles in a log: pick a dump, see its goroutines
// grouped by state and stack (leaked ones marked), and compare two dumps to see which groups grew.
import { compareDumps, MAX_DUMPS, type DumpInfo, type DumpsSummary } from "../../lib/lab/dump-analysis.ts";
import type { GoroutineGroup } from "../../lib/lab/goroutine-groups.ts";
import type { Frame } from "../../lib/parse/trace-records.ts";
import { fill } from "../../i18n/fill.ts";
import { el, num, plural, select, table, type LabStrings } from "./lab-dom.ts";

const frameNode = (f: Frame | null): Node => {
  if (f === null) return document.createTextNode("–");
  const span = el("span", "lab-frame");
  span.append(el("code", "", f.func), " ", el("span", "lab-frame-file", `${f.file}:${f.line}`));
  return span;
};

const badge = (text: string, kind: string): HTMLElement => el("span", `lab-badge lab-badge-${kind}`, text);

/** One dump's line: where it is, what it is, how many goroutines in how many groups. */
function dumpIntro(lang: string, t: LabStrings, d: DumpInfo): string {
  return fill(t.dumpIntro, {
    from: num(lang, d.line),
    to: num(lang, d.endLine),
    kind: t.dumpKinds[d.kind],
    cause: d.cause === null ? "" : fill(t.dumpCause, { cause: d.cause }),
    goroutines: plural(lang, d.goroutines, t.goroutineCount),
    groups: plural(lang, d.groupCount, t.groupCount),
    leaked: d.leaked > 0 ? plural(lang, d.leaked, t.dumpLeaked) : "",
  });
}

function stackNode(lang: string, t: LabStrings, g: GoroutineGroup): HTMLElement {
  const details = el("details", "lab-stack");
  details.append(el("summary", "", plural(lang, g.frames.length, t.frames)));
  const list = el("ol");
  for (const f of g.frames) {
    const li = el("li");
    li.append(frameNode(f));
    list.append(li);
  }
  details.append(list);
  if (g.framesElided) details.append(el("p", "lab-sub", t.framesElided));
  return details;
}

/** A template filled with a node for `{where}` and text for the rest. */
function withFrame(template: string, values: Readonly<Record<string, string>>, frame: Frame): (string | Node)[] {
  const [before = "", after = ""] = fill(template, values).split("{where}");
  return [before, frameNode(frame), after];
}

/** A group's state, badges and place, with where it was started and how long it waited below. */
function groupCell(lang: string, t: LabStrings, g: GoroutineGroup): HTMLElement {
  const cell = el("div", "lab-group");
  const state = el("div");
  state.append(g.state === null ? el("span", "lab-sub-inline", t.noState) : el("code", "", g.state));
  if (g.leaked > 0) {
    state.append(
      " ",
      badge(g.leaked === g.count ? t.leakedBadge : `${t.leakedBadge} ${num(lang, g.leaked)}`, "leaked"),
    );
  }
  if (g.lockedToThread > 0) state.append(" ", badge(t.lockedBadge, "locked"));
  cell.append(state, frameNode(g.where));
  const more: (string | Node)[][] = [];
  if (g.createdBy !== null) {
    more.push(
      g.creator === null
        ? withFrame(t.colCreated, {}, g.createdBy)
        : withFrame(t.createdIn, { g: num(lang, g.creator) }, g.createdBy),
    );
  }
  if (g.longestWaitMinutes !== null)
    more.push([fill(t.colWait, { wait: plural(lang, g.longestWaitMinutes, t.minutes) })]);
  for (const nodes of more) {
    const p = el("div", "lab-group-more");
    p.append(...nodes);
    cell.append(p);
  }
  return cell;
}

/** The groups of one dump as a table: how many, which state and where, their stack. */
function groupsTable(lang: string, t: LabStrings, d: DumpInfo): HTMLElement {
  const rows = d.groups.map((g) => [
    el("span", "lab-group-count", num(lang, g.count)),
    groupCell(lang, t, g),
    stackNode(lang, t, g),
  ]);
  const wrap = el("div", "lab-dump-groups");
  if (d.groups.length < d.groupCount) {
    wrap.append(
      el("p", "lab-sub", fill(t.groupsShown, { shown: num(lang, d.groups.length), total: num(lang, d.groupCount) })),
    );
  }
  wrap.append(
    table(fill(t.groupsCaption, { i: d.dump }), [t.colGoroutines, t.colState, t.colStack], rows, "lab-group-table"),
  );
  return wrap;
}

/** Two dumps' groups side by side, the ones that grew first. */
export function compareTable(
  lang: string,
  t: LabStrings,
  before: DumpInfo,
  after: DumpInfo,
  caption: string,
  columns: readonly [string, string] = [t.colEarlier, t.colLater],
): HTMLElement {
  const rows = compareDumps(before, after).map((c) => {
    const group = el("span");
    // Matched by place alone (a debug=1 profile prints no state), a row names no state.
    if (c.state !== null) group.append(el("code", "", c.state), " ");
    group.append(frameNode(c.where));
    if (c.leakedAfter > 0 || c.leakedBefore > 0) group.append(" ", badge(t.leakedBadge, "leaked"));
    const delta = c.after - c.before;
    const change = el(
      "span",
      `lab-change ${delta > 0 ? "lab-grew" : delta < 0 ? "lab-shrank" : ""}`,
      delta > 0 ? `+${num(lang, delta)}` : delta < 0 ? `−${num(lang, -delta)}` : "0",
    );
    return [group, num(lang, c.before), num(lang, c.after), change];
  });
  return table(caption, [t.colGroup, ...columns, t.colChange], rows, "lab-compare-table");
}

/** The dumps section: a picker, the picked dump's groups, and (with two or more) two dumps compared. */
export function renderDumps(lang: string, t: LabStrings, summary: DumpsSummary): HTMLElement | null {
  const dumps = summary.dumps;
  const last = dumps.at(-1);
  if (last === undefined) return null;
  const section = el("section", "lab-dumps");
  section.append(el("h3", "", t.dumpsHeading), el("p", "", t.dumpsIntro));
  if (summary.count > dumps.length) {
    section.append(
      el("p", "lab-sub", fill(t.dumpsMore, { n: num(lang, summary.count), kept: num(lang, MAX_DUMPS - 1) })),
    );
  }
  const option = (d: DumpInfo): [string, string] => [
    String(d.dump),
    fill(t.dumpOption, {
      i: d.dump,
      line: num(lang, d.line),
      kind: t.dumpKinds[d.kind],
      goroutines: plural(lang, d.goroutines, t.goroutineCount),
    }),
  ];
  const byNumber = (v: string): DumpInfo => dumps.find((d) => String(d.dump) === v) ?? last;
  const pick = select(t.dumpPick, dumps.map(option), String(last.dump), "lab-dump-pick");
  const view = el("div", "lab-dump-view");
  const show = (d: DumpInfo): void => {
    view.dataset["dump"] = String(d.dump);
    const states = el("ul", "lab-states");
    for (const s of d.byState) {
      const li = el("li");
      li.append(el("code", "", s.state), ` ${num(lang, s.count)}`);
      states.append(li);
    }
    view.replaceChildren(
      el("p", "lab-dump-intro", dumpIntro(lang, t, d)),
      ...(d.byState.length > 0 ? [states] : []),
      groupsTable(lang, t, d),
    );
  };
  pick.select.addEventListener("change", () => {
    show(byNumber(pick.select.value));
  });
  show(last);
  section.append(pick.wrap, view);
  // By default the first and last goroutine dumps (or, without two, of the last one's kind): two
  // of a kind, with states and whole stacks, compare best.
  const full = dumps.filter((d) => d.kind === "dump" || d.kind === "traceback");
  const sameKind = full.length >= 2 ? full : dumps.filter((d) => d.kind === last.kind);
  const first = sameKind.length >= 2 ? sameKind[0] : dumps[0];
  const later = sameKind.length >= 2 ? (sameKind.at(-1) ?? last) : last;
  if (dumps.length >= 2 && first !== undefined) {
    const compare = el("div", "lab-dump-compare");
    compare.append(el("h4", "", t.compareDumpsHeading), el("p", "", t.compareDumpsIntro));
    const a = select(t.compareEarlier, dumps.map(option), String(first.dump), "lab-compare-earlier");
    const b = select(t.compareLater, dumps.map(option), String(later.dump), "lab-compare-later");
    const out = el("div", "lab-compare-out");
    const update = (): void => {
      const x = byNumber(a.select.value);
      const y = byNumber(b.select.value);
      out.replaceChildren(compareTable(lang, t, x, y, fill(t.compareCaption, { a: x.dump, b: y.dump })));
    };
    a.select.addEventListener("change", update);
    b.select.addEventListener("change", update);
    update();
    const pickers = el("div", "lab-row");
    pickers.append(a.wrap, b.wrap);
    compare.append(pickers, out);
    section.append(compare);
  }
  return section;
}
