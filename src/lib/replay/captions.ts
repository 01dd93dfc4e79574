import { fill } from "../fill.ts";
import type { ReplayFrame } from "./frame.ts";
import { toSeconds, type ReplayVariant } from "./replay-data.ts";
import type { StoryEvent } from "./story.ts";

/** The caption templates (src/i18n, `replay.client.captions`), `{name}` placeholders. */
export interface CaptionWords {
  before: string;
  start: string;
  gcAuto: string;
  gcHolding: string;
  gcFrees: string;
  gcEmpty: string;
  returnTimeout: string;
  returnClose: string;
  returnContext: string;
  returnNone: string;
  leakCheck: string;
  leakCheckNone: string;
  markedLeaked: string;
  endBlocked: string;
  endFree: string;
}

/** The mechanism figure's text alternative templates (`replay.client`). */
export interface MechanismWords {
  time: string;
  mechanismAlt: string;
  mechanismLastGc: string;
  mechanismNoGc: string;
  mechanismReturned: string;
  bufferGarbage: string;
  bufferFreed: string;
}

/** The one-sentence caption of a story event, with its numbers. */
export function captionOf(v: ReplayVariant, event: StoryEvent | undefined, words: CaptionWords): string {
  if (event === undefined) return words.before;
  switch (event.kind) {
    case "start":
      return fill(words.start, { collectors: event.collectors, buffer: event.bufferMiB });
    case "gc": {
      const values = { n: event.n, live: event.live, freed: event.freed, holding: event.holding };
      if (!event.forced) return fill(words.gcAuto, values);
      if (event.holding > 0) return fill(words.gcHolding, values);
      if (v.bufferMiB > 0 && event.freed >= v.bufferMiB) return fill(words.gcFrees, values);
      return fill(words.gcEmpty, values);
    }
    case "return": {
      const template =
        event.fix === "timeout"
          ? words.returnTimeout
          : event.fix === "close"
            ? words.returnClose
            : event.fix === "context"
              ? words.returnContext
              : words.returnNone;
      return fill(template, { count: event.count, reason: event.reason });
    }
    case "leak-check":
      return fill(event.leaked > 0 ? words.leakCheck : words.leakCheckNone, { n: event.n, leaked: event.leaked });
    case "marked-leaked":
      return fill(words.markedLeaked, { count: event.count });
    case "end":
      return event.blocked > 0
        ? fill(words.endBlocked, { blocked: event.blocked, mib: event.blocked * v.bufferMiB })
        : words.endFree;
  }
}

/** The caption of the moment a frame shows: its current story event's. */
export function frameCaption(v: ReplayVariant, frame: ReplayFrame, words: CaptionWords): string {
  return captionOf(v, v.story[frame.step], words);
}

/**
 * What the mechanism figure shows at a frame, in words: how many collectors hold their buffers,
 * how much is reachable from their stacks, what became of the others' buffers, and what the last
 * GC left live (so the picture's claim can be checked against gctrace's number).
 */
export function mechanismText(v: ReplayVariant, frame: ReplayFrame, words: MechanismWords): string {
  return mechanismTextAround(v, frame, words).join(toSeconds(frame.tick).toFixed(2));
}

/**
 * mechanismText without its time: the pieces of text around each place the clock's seconds go.
 * They change only when a collector or a GC does, the time on every frame, so the replay writes
 * the pieces when they change and the seconds alone on every frame.
 */
export function mechanismTextAround(v: ReplayVariant, frame: ReplayFrame, words: MechanismWords): string[] {
  const all = frame.collectors.length;
  const holding = frame.collectors.filter((c) => c.phase === "alive").length;
  const returned = frame.collectors.filter((c) => c.phase === "returned");
  const gc = v.gcs[frame.gcEnded];
  let last = gc ? fill(words.mechanismLastGc, { n: gc.n, live: gc.live }) : words.mechanismNoGc;
  if (returned.length > 0) {
    const freed = returned.every((c) => c.buffer === "freed");
    last =
      fill(words.mechanismReturned, {
        returned: returned.length,
        state: freed ? words.bufferFreed : words.bufferGarbage,
      }) + last;
  }
  // fill leaves {t} as it is: it has no value here.
  return fill(words.mechanismAlt, {
    holding,
    collectors: all,
    buffer: v.bufferMiB,
    reachable: frame.reachableMiB,
    last,
  }).split("{t}");
}
