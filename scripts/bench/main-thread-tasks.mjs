// Every task of a page's main thread between two moments, from a Chromium trace (CDP Tracing): the
// 'longtask' PerformanceObserver only reports tasks over 50 ms, so it cannot tell 49 ms from 5 ms,
// nor show the margin under its threshold. A task's CPU time (the trace's thread duration) is given
// too: on a shared machine a task's wall time also counts the time its thread waited for a core.

const CATEGORIES = "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing";

/**
 * Starts tracing the page of a CDP session; `stop()` ends it and resolves to the main thread's
 * tasks that began between the page's `performance.mark(from)` and `performance.mark(to)`, each
 * `{ ms, cpuMs, what }` (what: the first thing the task ran, e.g. TimerFire, HandlePostMessage,
 * Layout), longest first.
 */
export async function traceMainThread(cdp, from, to) {
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  return {
    async stop() {
      await cdp.send("Tracing.end");
      await complete;
      const at = (name) => events.find((e) => e.name === name && e.cat.includes("user_timing"))?.ts;
      const [t0, t1] = [at(from), at(to)];
      if (t0 === undefined || t1 === undefined) throw new Error(`the trace has no marks ${from} and ${to}`);
      const main = new Set(
        events
          .filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain")
          .map((e) => `${e.pid}:${e.tid}`),
      );
      const onMain = (e) => main.has(`${e.pid}:${e.tid}`) && e.ph === "X";
      const tasks = events.filter((e) => onMain(e) && e.name === "RunTask" && e.ts >= t0 && e.ts <= t1);
      return tasks
        .map((task) => {
          const end = task.ts + task.dur;
          const first = events.find((e) => onMain(e) && e.name !== "RunTask" && e.ts >= task.ts && e.ts < end);
          return { ms: task.dur / 1000, cpuMs: (task.tdur ?? NaN) / 1000, what: first?.name ?? "-" };
        })
        .sort((a, b) => b.ms - a.ms);
    },
  };
}
