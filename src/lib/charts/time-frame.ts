import { axisX, type PlotOptions } from "@observablehq/plot";

/** Width and height of a chart, in CSS pixels. */
export interface ChartSize {
  width: number;
  height: number;
}

/** The frame the article's charts over recording time share: size, margins, type. */
export function timeFrame(size: ChartSize): PlotOptions {
  return {
    width: size.width,
    height: size.height,
    marginLeft: 44,
    marginRight: 12,
    // The time label gets a row of its own under the tick labels (labelOffset), clear of the last one.
    marginBottom: 38,
    style: { background: "transparent", fontSize: "12px" },
  };
}

/** Their x axis: seconds, labelled at the right end, on its own row. */
export function timeAxis(label: string, ticks?: number): ReturnType<typeof axisX> {
  return axisX({
    label,
    labelAnchor: "right",
    labelArrow: "none",
    labelOffset: 34,
    ...(ticks === undefined ? {} : { ticks }),
  });
}
