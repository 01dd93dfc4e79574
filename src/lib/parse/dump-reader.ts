import {
  isElided,
  readCall,
  readCreatedBy,
  readGoroutineHeader,
  readGroupCount,
  readGroupFrame,
  readGroupLabels,
  readProfileHeader,
  readSource,
} from "./goroutine-dump.ts";
import type {
  GoroutineGroupRecord,
  GoroutineProfileName,
  GoroutineRecord,
  OtherRecord,
  TraceRecord,
} from "./trace-records.ts";

/** How many records of other output a goroutine's block may hold back while it could still go on. */
const MAX_HELD = 64;

type Expect = "call" | "source" | "creator-source" | "end";

/**
 * Turns the lines of goroutine dumps and debug=1 goroutine profiles, which the line parser reads
 * as `other` records, into one `goroutine` record per goroutine and one `goroutine-group` record
 * per stack of a profile, in their place in the stream. Records of other lines pass through; one
 * that arrives in the middle of a goroutine's block (stderr output landing inside a dump written
 * to stdout) is held until the block ends, so records stay in line order.
 */
export class DumpReader {
  #dumps = 0;
  #inDump = false;
  #ids = new Set<number>();
  #block: GoroutineRecord | null = null;
  #expect: Expect = "call";
  /** The frame's first line, waiting for its second: its function and its own record. */
  #call: { func: string; record: OtherRecord } | null = null;
  #held: TraceRecord[] = [];
  #profile: { profile: GoroutineProfileName; total: number } | null = null;
  #group: GoroutineGroupRecord | null = null;

  /** Takes the next record; pushes to `out` what can go out now. */
  take(r: TraceRecord, out: TraceRecord[]): void {
    if (this.#group !== null && this.#groupLine(this.#group, r, out)) return;
    if (this.#block !== null && this.#blockLine(this.#block, r, out)) return;
    this.#flush(out);
    if (r.kind !== "other") {
      out.push(r);
      return;
    }
    const text = r.text;
    if (this.#profile !== null) {
      const count = readGroupCount(text);
      if (count !== null) {
        this.#group = {
          kind: "goroutine-group",
          line: r.line,
          endLine: r.line,
          dump: this.#dumps,
          profile: this.#profile.profile,
          total: this.#profile.total,
          count,
          frames: [],
          labels: null,
        };
        if (r.wall !== undefined) this.#group.wall = r.wall;
        return;
      }
      if (text !== "") this.#profile = null;
    }
    const header = readGoroutineHeader(text);
    if (header !== null) {
      if (!this.#inDump || this.#ids.has(header.id)) {
        this.#dumps++;
        this.#ids = new Set();
        this.#inDump = true;
      }
      this.#ids.add(header.id);
      this.#block = {
        kind: "goroutine",
        line: r.line,
        endLine: r.line,
        dump: this.#dumps,
        ...header,
        frames: [],
        framesElided: false,
        createdBy: null,
        creator: null,
      };
      if (r.wall !== undefined) this.#block.wall = r.wall;
      this.#expect = "call";
      return;
    }
    const profile = readProfileHeader(text);
    if (profile !== null) {
      this.#dumps++;
      this.#inDump = false;
      this.#profile = profile;
      r.source = "runtime";
    } else if (text !== "") {
      // Other output between goroutines ends their dump.
      this.#inDump = false;
    }
    out.push(r);
  }

  /** Ends the input: whatever is open goes out. */
  end(out: TraceRecord[]): void {
    this.#flush(out);
  }

  /** A line while a profile's stack is open; false when it ends the stack (and is not part of it). */
  #groupLine(group: GoroutineGroupRecord, r: TraceRecord, out: TraceRecord[]): boolean {
    if (r.kind !== "other") return false;
    const frame = readGroupFrame(r.text);
    if (frame !== null) {
      group.frames.push(frame);
    } else if (group.frames.length === 0 && group.labels === null && readGroupLabels(r.text) !== null) {
      group.labels = readGroupLabels(r.text);
    } else if (r.text === "") {
      // The blank line after a stack is the stack's own.
      group.endLine = r.line;
      this.#flush(out);
      return true;
    } else return false;
    group.endLine = r.line;
    return true;
  }

  /** A line while a goroutine's block is open; false when it ends the block (and is not part of it). */
  #blockLine(block: GoroutineRecord, r: TraceRecord, out: TraceRecord[]): boolean {
    if (r.kind !== "other") {
      // Output of another stream inside the block: hold it while more frames may come.
      if (this.#expect === "end" || this.#held.length >= MAX_HELD) return false;
      this.#held.push(r);
      return true;
    }
    const text = r.text;
    switch (this.#expect) {
      case "source":
      case "creator-source": {
        const source = readSource(text);
        if (source === null) return false;
        if (this.#expect === "source") {
          block.frames.push({ func: this.#call?.func ?? "", ...source });
          this.#call = null;
          this.#expect = "call";
        } else {
          if (block.createdBy !== null) Object.assign(block.createdBy, source);
          this.#expect = "end";
        }
        block.endLine = r.line;
        return true;
      }
      case "call":
      case "end": {
        if (text === "") {
          block.endLine = r.line;
          this.#flush(out);
          return true;
        }
        if (this.#expect === "end") return false;
        const created = readCreatedBy(text);
        if (created !== null) {
          block.createdBy = { func: created.func, file: "", line: 0 };
          block.creator = created.creator;
          this.#expect = "creator-source";
        } else if (isElided(text)) {
          block.framesElided = true;
        } else if (text.charCodeAt(0) === 9) {
          // `\tgoroutine running on other thread; stack unavailable` and the like.
        } else {
          const func = readCall(text);
          if (func === null) return false;
          this.#call = { func, record: r };
          this.#expect = "source";
          return true;
        }
        block.endLine = r.line;
        return true;
      }
    }
  }

  /** Sends out the open block or stack and what it held back. */
  #flush(out: TraceRecord[]): void {
    if (this.#block !== null) {
      out.push(this.#block);
      // A call line without its source line was not a frame after all.
      if (this.#call !== null) out.push(this.#call.record);
      this.#block = null;
      this.#call = null;
    }
    if (this.#group !== null) {
      out.push(this.#group);
      this.#group = null;
    }
    for (const r of this.#held) out.push(r);
    this.#held = [];
  }
}
