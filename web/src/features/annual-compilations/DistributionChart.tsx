import { BarChart } from "@mantine/charts";
import type { DistributionBar } from "./model";

/** The nation's distribution as bars; loaded only when shown (the chart library is large). */
export function DistributionChart({
  bars,
  label,
  seriesLabel,
}: {
  bars: DistributionBar[];
  label: string;
  seriesLabel: string;
}) {
  return (
    <BarChart
      role="img"
      aria-label={label}
      h={240}
      data={bars.map((b) => ({ answer: b.label, count: b.count }))}
      dataKey="answer"
      series={[{ name: "count", label: seriesLabel, color: "uppsikt.7" }]}
      valueFormatter={(v) => String(v)}
      yAxisProps={{ allowDecimals: false }}
      accessibilityLayer={false}
    />
  );
}
