// Build-time only: the numbers the live part's prose quotes, the same in both languages.
import { leakBuffersMiB, programFacts } from "./facts.ts";
import { recordedRuns, type RecordedRun } from "./live-charts.ts";
import { liveModule, type LiveModule } from "./live-module.ts";

/** What the live part quotes: the module the reader downloads, the recording beside the run. */
export async function livePartFacts(): Promise<{
  info: LiveModule["info"];
  /** The download's size in MB, one decimal, as the prose prints it. */
  mb: string;
  /** The recorded leak run drawn beside the reader's (its platform and GOMAXPROCS). */
  leak: RecordedRun | undefined;
  /** The recording's live heap over its buffers: the recorder's trace, which a run in the browser lacks. */
  extraMB: number;
}> {
  const { info } = await liveModule();
  return {
    info,
    mb: (info.httpBytes / 1e6).toFixed(1),
    leak: recordedRuns({ time: "", heap: "" })[0],
    extraMB: programFacts("leak").firstLiveMB - leakBuffersMiB(),
  };
}
