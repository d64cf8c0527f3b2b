import { Skeleton } from "antd";
import { lazy, Suspense } from "react";
import type { EChartsCoreOption } from "echarts/core";

export interface ChartProps {
  /** An ECharts option (series, axes, tooltip …). */
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers; put the figures in a table next to it as well. */
  label: string;
  height?: number;
}

// ECharts is large: it is fetched the first time a screen draws a chart, never with the app shell.
const EChart = lazy(() => import("./echart"));

/** A chart that loads ECharts on demand. */
export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: props.height ?? 280 }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
