/** The replay state kept in the URL hash, e.g. `#variant=timeout&t=2.5`. */
export interface HashState {
  variant: string;
  /** Seconds. */
  t: number;
}

/**
 * Reads the replay state from a URL hash. Unknown variants, times that are not finite numbers or
 * fall outside [0, end], and keys it does not know are ignored: each falls back to its default,
 * without an error, and other keys (e.g. `theme`) are left for their owners.
 */
export function readHash(hash: string, variants: readonly string[], end: number, fallback: HashState): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const variant = params.get("variant");
  const tText = params.get("t");
  const t = tText !== null && /^\d+(\.\d+)?$/.test(tText) ? Number(tText) : Number.NaN;
  return {
    variant: variant !== null && variants.includes(variant) ? variant : fallback.variant,
    // The hash holds hundredths of a second, rounded: the end itself may be written a little past it.
    t: Number.isFinite(t) && t >= 0 && t <= end + 0.005 ? Math.min(t, end) : fallback.t,
  };
}

/** True when a hash carries a replay state (a variant or a time), i.e. the link points at the replay. */
export function hasReplayState(hash: string): boolean {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.has("variant") || params.has("t");
}

/** Writes the replay state into a hash, keeping any other keys that were there. */
export function writeHash(hash: string, state: HashState): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.set("variant", state.variant);
  params.set("t", state.t.toFixed(2).replace(/\.?0+$/, "") || "0");
  return `#${params.toString()}`;
}
