/** The widgets a replay cell can show (the player and the variant switch are always there). */
export const REPLAY_WIDGETS = ["heap", "goroutines", "mechanism", "statuses", "log", "code"] as const;

/** One of {@link REPLAY_WIDGETS}: a cell lists the ones it shows in its `data-widgets`. */
export type ReplayWidget = (typeof REPLAY_WIDGETS)[number];
