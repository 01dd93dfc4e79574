import type { LabSummary } from "../../lib/lab/lab-summary.ts";
import type { ExportFormat, LabSource, ReadProgress } from "../../lib/lab/read-source.ts";

/** A job for the lab worker. */
export type LabJob =
  | { type: "analyse"; source: LabSource; run: number | null }
  | { type: "export"; source: LabSource; format: ExportFormat };

/** What the page asks the lab worker to do: a job and its number (answers carry the number). */
export type LabRequest = LabJob & { id: number };

/** What the lab worker answers. `ready` comes once, when its script has started. */
export type LabResponse =
  | { type: "ready" }
  | { type: "progress"; id: number; progress: ReadProgress }
  | { type: "summary"; id: number; summary: LabSummary }
  | { type: "exported"; id: number; blob: Blob }
  | { type: "failed"; id: number; message: string };
