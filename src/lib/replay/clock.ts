/** The replay clock: a time, whether it runs, and how fast. */
export interface ClockState {
  /** Seconds since program start. */
  t: number;
  playing: boolean;
  /** Playback rate: 1 is real time. */
  speed: number;
  /** Seconds: the end of the recording. */
  end: number;
}

/** The speeds offered, slowest first. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8];

/**
 * Advances a running clock by `elapsedMs` of wall time. Reaching the end stops it there; a
 * stopped clock does not move. Pure, so it can be tested without timers.
 */
export function advance(state: ClockState, elapsedMs: number): ClockState {
  if (!state.playing) return state;
  const t = state.t + (elapsedMs / 1000) * state.speed;
  return t >= state.end ? { ...state, t: state.end, playing: false } : { ...state, t };
}

/** Starts or stops the clock; starting at the end rewinds to the beginning first. */
export function toggle(state: ClockState): ClockState {
  if (state.playing) return { ...state, playing: false };
  return { ...state, playing: true, t: state.t >= state.end ? 0 : state.t };
}

/** Moves the clock to a time, clamped to the recording. */
export function seek(state: ClockState, t: number): ClockState {
  return { ...state, t: Math.min(Math.max(0, t), state.end) };
}
