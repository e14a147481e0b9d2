// The big number tiles on the left: promoters today and this week, the NPS with its margin
// and an eight-week sparkline, and the weekly goal.
import type { Stats, TrendPoint } from "./api";
import { byId, prefersReducedMotion, setText, svg } from "./dom";
import { formatNps, weekNumber } from "./format";
import type { Strings } from "./strings";

const el = {
  today: byId("value-today"),
  week: byId("value-week"),
  nps: byId("value-nps"),
  moe: byId("value-moe"),
  n: byId("value-n"),
  goal: byId("goal"),
  goalCount: byId("goal-count"),
  goalFill: byId("goal-fill"),
  goalHint: byId("goal-hint"),
  sparkPlot: byId("spark-plot"),
  sparkWeeks: byId("spark-weeks"),
};

export function setLabels(s: Strings): void {
  setText(byId("label-today"), s.promotersToday);
  setText(byId("hint-today"), s.promotersTodayHint);
  setText(byId("label-week"), s.thisWeek);
  setText(byId("hint-week"), s.thisWeekHint);
  setText(byId("label-nps"), s.nps);
  setText(byId("label-period"), `· ${s.npsPeriod}`);
  setText(byId("goal-label"), s.goalLabel);
  setText(byId("feed-title"), s.feedTitle);
  setText(byId("live-label"), s.live);
  setText(byId("empty-title"), s.emptyTitle);
  setText(byId("empty-body"), s.emptyBody);
}

/** Sets a big number; a rise gets a short pop so the room notices. */
function setNumber(target: HTMLElement, value: string, rose: boolean): void {
  if (target.textContent === value) return;
  target.textContent = value;
  if (!rose || prefersReducedMotion()) return;
  target.classList.remove("bump");
  void target.offsetWidth; // restart the animation
  target.classList.add("bump");
}

export function renderStats(stats: Stats, s: Strings): void {
  const today = Number(el.today.textContent) || 0;
  const week = Number(el.week.textContent) || 0;
  setNumber(el.today, String(stats.promotersToday), stats.promotersToday > today);
  setNumber(el.week, String(stats.promotersThisWeek), stats.promotersThisWeek > week);

  const nps = stats.nps;
  const hasNps = Boolean(nps && nps.nps !== null && nps.n > 0);
  el.nps.classList.toggle("none", !hasNps);
  if (nps && nps.nps !== null && hasNps) {
    setText(el.nps, formatNps(nps.nps));
    setText(el.moe, nps.marginOfError95 === null ? "" : `± ${Math.round(nps.marginOfError95)}`);
    setText(el.n, s.answers(nps.n));
  } else {
    setText(el.nps, "–");
    setText(el.moe, "");
    setText(el.n, s.noAnswers);
  }

  const goal = stats.goal;
  el.goal.hidden = !goal;
  if (goal) {
    const reached = goal.progress >= goal.perWeek;
    el.goal.classList.toggle("reached", reached);
    setText(el.goalCount, s.goalOf(goal.progress, goal.perWeek));
    setText(el.goalHint, reached ? s.goalReached : s.goalLeft(goal.perWeek - goal.progress));
    el.goalFill.style.width = `${Math.min(100, (goal.progress / goal.perWeek) * 100)}%`;
  }
}

/** An inline SVG line of the weekly NPS; weeks without answers leave a gap. */
export function renderTrend(trend: TrendPoint[], s: Strings): void {
  const points = trend.slice(-8);
  const values = points.map((p) => p.nps).filter((v): v is number => v !== null);
  el.sparkPlot.replaceChildren();
  setText(el.sparkWeeks, "");
  el.sparkPlot.parentElement?.classList.toggle("none", values.length < 2);
  if (values.length < 2) return;

  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = Math.max(8, (30 - (hi - lo)) / 2);
  lo -= pad;
  hi += pad;
  const w = 100;
  const ht = 40;
  const x = (i: number) => (points.length === 1 ? w / 2 : (i / (points.length - 1)) * w);
  const y = (v: number) => ht - ((v - lo) / (hi - lo)) * ht;

  // Runs of consecutive weeks with a value.
  const runs: [number, number][][] = [[]];
  points.forEach((p, i) => {
    if (p.nps === null) runs.push([]);
    else runs[runs.length - 1]?.push([x(i), y(p.nps)]);
  });
  const line = runs
    .filter((r) => r.length > 0)
    .map((r) =>
      r.map(([px, py], i) => `${i ? "L" : "M"}${px.toFixed(2)} ${py.toFixed(2)}`).join(""),
    )
    .join("");
  const areas = runs
    .filter((r) => r.length > 1)
    .map((r) => {
      const first = r[0] as [number, number];
      const last = r[r.length - 1] as [number, number];
      const top = r.map(([px, py]) => `L${px.toFixed(2)} ${py.toFixed(2)}`).join("");
      return `M${first[0].toFixed(2)} ${ht}${top}L${last[0].toFixed(2)} ${ht}Z`;
    })
    .join("");

  const children: SVGElement[] = [
    svg(
      "defs",
      {},
      svg(
        "linearGradient",
        { id: "spark-fill", x1: 0, y1: 0, x2: 0, y2: 1 },
        svg("stop", { offset: 0, class: "spark-stop-top" }),
        svg("stop", { offset: 1, class: "spark-stop-bottom" }),
      ),
    ),
  ];
  if (lo < 0 && hi > 0) {
    children.push(svg("line", { class: "spark-zero", x1: 0, x2: w, y1: y(0), y2: y(0) }));
  }
  children.push(svg("path", { class: "spark-area", d: areas }));
  children.push(svg("path", { class: "spark-line", d: line }));
  el.sparkPlot.append(
    svg("svg", { viewBox: `0 0 ${w} ${ht}`, preserveAspectRatio: "none" }, ...children),
  );

  // The latest week as a dot, in HTML so it stays round however the plot is stretched.
  const lastIndex = points.findLastIndex((p) => p.nps !== null);
  const last = points[lastIndex];
  if (last && last.nps !== null) {
    const dot = document.createElement("span");
    dot.className = "spark-dot";
    dot.style.left = `${x(lastIndex)}%`;
    dot.style.top = `${(y(last.nps) / ht) * 100}%`;
    el.sparkPlot.append(dot);
  }
  const from = weekNumber(points[0]?.week ?? "");
  const to = weekNumber(points[points.length - 1]?.week ?? "");
  setText(el.sparkWeeks, from === null || to === null ? "" : s.weeks(from, to));
}
