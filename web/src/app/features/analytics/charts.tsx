import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { NpsGroup } from "../../api/types";
import { type Formatters, useFormat } from "../../format";
import { categoryColours, chartColours } from "../../theme";
import { type ChartOption, EChart } from "./echart";
import type { TrendGroup } from "./search";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Period keys from the API: 2025-03-14 (day or week start), 2025-W11, 2025-03 (month). */
export function periodLabel(key: string | null, group: TrendGroup, f: Formatters): string {
  if (!key) return "–";
  if (/^\d{4}-\d{2}-\d{2}/.test(key)) {
    const day = key.slice(0, 10);
    return group === "month" ? f.monthYear(day) : f.shortDate(day);
  }
  if (/^\d{4}-\d{2}$/.test(key)) return f.monthYear(`${key}-01`);
  const week = /^(\d{4})-?W(\d{1,2})$/.exec(key);
  if (week) return `${week[2]}/${week[1]}`;
  return key;
}

/**
 * Round axis ends on the NPS scale: steps of 10, 20, 25 or 50 all divide 100, so the
 * ends never poke past -100/+100 and the ticks read as round numbers.
 */
export function niceAxis(values: number[]): { min: number; max: number; step: number } {
  if (values.length === 0) return { min: -100, max: 100, step: 50 };
  const low = Math.max(-100, Math.min(...values));
  const high = Math.min(100, Math.max(...values));
  const span = Math.max(high - low, 10);
  const step = [10, 20, 25, 50].find((candidate) => span / candidate <= 5) ?? 50;
  let min = Math.floor(low / step) * step;
  let max = Math.ceil(high / step) * step;
  if (min === max) max += step;
  min = Math.max(-100, min);
  max = Math.min(100, max);
  return { min, max, step };
}

const axisStyle = {
  axisLine: { lineStyle: { color: chartColours.grid } },
  axisTick: { show: false },
  axisLabel: { color: chartColours.axis, fontSize: 12 },
  splitLine: { lineStyle: { color: chartColours.grid } },
};

/** NPS over time with the 95 % interval drawn as a band around the line. */
export function TrendChart({ groups, group }: { groups: NpsGroup[]; group: TrendGroup }) {
  const { t } = useTranslation();
  const f = useFormat();

  const { option, summary } = useMemo(() => {
    const labels = groups.map((g) => periodLabel(g.key, group, f));
    const lower = groups.map((g) =>
      g.nps === null ? null : Math.max(-100, g.nps - (g.marginOfError95 ?? 0)),
    );
    const upper = groups.map((g) =>
      g.nps === null ? null : Math.min(100, g.nps + (g.marginOfError95 ?? 0)),
    );
    const width = groups.map((_, i) => {
      const lo = lower[i];
      const hi = upper[i];
      return lo === null || lo === undefined || hi === null || hi === undefined ? null : hi - lo;
    });
    const values = groups.map((g) => (g.nps === null ? null : Math.round(g.nps * 10) / 10));
    const {
      min: yMin,
      max: yMax,
      step: yStep,
    } = niceAxis([...lower, ...upper].filter((v): v is number => v !== null));

    const option: ChartOption = {
      animationDuration: 400,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "line", lineStyle: { color: chartColours.axis } },
        formatter: (params: unknown) => {
          const first = Array.isArray(params) ? params[0] : params;
          const index = (first as { dataIndex?: number } | undefined)?.dataIndex ?? 0;
          const g = groups[index];
          if (!g) return "";
          const label = escapeHtml(labels[index] ?? "");
          if (g.nps === null)
            return `<strong>${label}</strong><br/>${escapeHtml(t("nps.noScore"))}`;
          return [
            `<strong>${label}</strong>`,
            `NPS <strong>${f.nps(g.nps)}</strong> ${escapeHtml(t("nps.margin", { margin: f.margin(g.marginOfError95) }))}`,
            escapeHtml(t("nps.nShort", { formatted: f.int(g.n) })),
          ].join("<br/>");
        },
      },
      xAxis: {
        type: "category",
        data: labels,
        boundaryGap: true,
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, hideOverlap: true },
        splitLine: { show: false },
      },
      yAxis: {
        type: "value",
        min: yMin,
        max: yMax,
        interval: yStep,
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, formatter: (value: number) => f.signed(value) },
      },
      series: [
        {
          name: "lower",
          type: "line",
          data: lower,
          stack: "band",
          stackStrategy: "all",
          symbol: "none",
          lineStyle: { opacity: 0 },
          silent: true,
          connectNulls: false,
          tooltip: { show: false },
        },
        {
          name: "band",
          type: "line",
          data: width,
          stack: "band",
          stackStrategy: "all",
          symbol: "none",
          lineStyle: { opacity: 0 },
          areaStyle: { color: chartColours.band },
          silent: true,
          connectNulls: false,
          tooltip: { show: false },
        },
        {
          name: "NPS",
          type: "line",
          data: values,
          symbol: "circle",
          symbolSize: groups.length > 60 ? 0 : 7,
          lineStyle: { color: chartColours.primary, width: 2.5 },
          itemStyle: { color: chartColours.primary },
          connectNulls: false,
        },
      ],
    };

    const withScore = groups.filter((g) => g.nps !== null);
    const lastGroup = withScore[withScore.length - 1];
    const summary = lastGroup
      ? t("charts.trendSummary", {
          count: withScore.length,
          last: f.nps(lastGroup.nps),
          period: periodLabel(lastGroup.key, group, f),
        })
      : t("nps.noScore");
    return { option, summary };
  }, [groups, group, f, t]);

  return <EChart option={option} height={300} summary={summary} testId="trend-chart" />;
}

/** How many answered each score 0-10, coloured by category. */
export function DistributionChart({ counts }: { counts: number[] }) {
  const { t } = useTranslation();
  const f = useFormat();

  const { option, summary } = useMemo(() => {
    const total = counts.reduce((sum, value) => sum + value, 0);
    const scores = Array.from({ length: 11 }, (_, score) => score);
    const colour = (score: number) =>
      score >= 9
        ? categoryColours.promoter
        : score >= 7
          ? categoryColours.passive
          : categoryColours.detractor;
    const option: ChartOption = {
      animationDuration: 400,
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params: unknown) => {
          const first = Array.isArray(params) ? params[0] : params;
          const score = (first as { dataIndex?: number } | undefined)?.dataIndex ?? 0;
          const count = counts[score] ?? 0;
          const share = total > 0 ? f.percent(count / total) : "–";
          return `${escapeHtml(t("charts.score", { score }))}<br/><strong>${f.int(count)}</strong> (${share})`;
        },
      },
      xAxis: {
        type: "category",
        data: scores.map(String),
        ...axisStyle,
        splitLine: { show: false },
        axisLabel: { color: chartColours.text, fontSize: 13, fontWeight: 600 },
      },
      yAxis: { type: "value", minInterval: 1, ...axisStyle },
      series: [
        {
          type: "bar",
          barMaxWidth: 40,
          data: scores.map((score) => ({
            value: counts[score] ?? 0,
            itemStyle: { color: colour(score), borderRadius: [4, 4, 0, 0] },
          })),
          label: {
            show: true,
            position: "top",
            color: chartColours.text,
            fontSize: 11,
            formatter: (p: { value?: unknown }) =>
              typeof p.value === "number" && p.value > 0 ? f.int(p.value) : "",
          },
        },
      ],
    };
    const summary = t("charts.distributionSummary", {
      list: scores.map((score) => `${score}: ${f.int(counts[score] ?? 0)}`).join(", "),
    });
    return { option, summary };
  }, [counts, f, t]);

  return <EChart option={option} height={260} summary={summary} testId="distribution-chart" />;
}
