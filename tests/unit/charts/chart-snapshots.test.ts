// Every chart spec of src/lib, rendered to SVG the way the build does (Plot with a linkedom
// document, src/server/render-plot.ts), from real recordings and fixture logs, compared with the
// committed pictures in tests/snapshots/ (Observable Plot's own test practice).
import { describe, it } from "vitest";
import { goroutineChartOptions } from "../../../src/lib/charts/goroutine-chart.ts";
import { goroutineSeries } from "../../../src/lib/charts/goroutine-series.ts";
import { heapChartOptions } from "../../../src/lib/charts/heap-chart.ts";
import { heapSeries } from "../../../src/lib/charts/heap-series.ts";
import { LabAnalysis } from "../../../src/lib/lab/lab-analysis.ts";
import { chartLines, LAB_CHARTS, labChartOptions } from "../../../src/lib/lab/lab-charts.ts";
import { parseLog } from "../../../src/lib/parse/log-parser.ts";
import { renderChart, renderSvg } from "../../../src/server/render-plot.ts";
import { loadRecording } from "../../../src/server/traces.ts";
import { fixture } from "../lib/fixtures.ts";
import { expectSvgSnapshot } from "./svg-snapshot.ts";

const heapLabels = { time: "time (s)", heap: "MiB" };

describe("chart snapshots (tests/snapshots)", () => {
  it("heap chart: leak against fix-timeout, desktop and phone sizes", () => {
    const series = [heapSeries("leak", loadRecording("leak")), heapSeries("fix", loadRecording("fix-timeout"))];
    expectSvgSnapshot(
      "heap-leak-fix-timeout-720",
      renderSvg(heapChartOptions(series, { width: 720, height: 260 }, heapLabels), "heap-svg"),
    );
    expectSvgSnapshot(
      "heap-leak-fix-timeout-360",
      renderSvg(heapChartOptions(series, { width: 360, height: 220 }, heapLabels), "heap-svg"),
    );
  });

  it("replay heap chart: one program on shared axes, with its clip rectangle and faint whole curve", () => {
    const series = heapSeries("close", loadRecording("fix-close"));
    const chart = renderChart(
      heapChartOptions([series], { width: 720, height: 260 }, heapLabels, { end: 6.1, top: 52 }),
      "replay-heap-svg",
      "clip-close",
    );
    expectSvgSnapshot("replay-heap-fix-close-720", chart.svg);
  });

  it("goroutine chart: the program's goroutines by state, leak and fix-context", () => {
    const data = [
      ...goroutineSeries("leak", loadRecording("leak")),
      ...goroutineSeries("fix", loadRecording("fix-context")),
    ];
    const labels = { time: "time (s)", count: "goroutines", variants: { leak: "leak", fix: "fix-context" } };
    expectSvgSnapshot(
      "goroutines-leak-fix-context-720",
      renderSvg(goroutineChartOptions(data, { width: 720, height: 300 }, labels), "goroutine-svg"),
    );
  });

  it.each(LAB_CHARTS)("lab chart %s of the Go 1.27 leak log (gctrace, schedtrace, scheddetail)", (id) => {
    const text = fixture("go1.27-leak-scheddetail.txt");
    const analysis = new LabAnalysis();
    analysis.text(text);
    analysis.addAll(parseLog(text));
    const lines = chartLines(analysis.summary().series, id);
    expectSvgSnapshot(
      `lab-${id}-go1.27-leak-640`,
      renderSvg(labChartOptions(lines, { width: 640, height: 240 }, { x: "s", y: id }), "lab-svg"),
    );
  });
});
