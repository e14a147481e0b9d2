import { compareNps, type NpsCounts, summarise } from "../../core/nps";
import type { GroupBy, ResponseFilter, ResponsesService } from "../responses";

export function createAnalyticsService(deps: { responses: ResponsesService }) {
  const repo = deps.responses.repo;
  return {
    async nps(filter: ResponseFilter, groupBy?: GroupBy) {
      const total = summarise(await repo.counts(filter));
      if (!groupBy) return total;
      const groups = (await repo.countsBy(filter, groupBy)).map(({ key, ...counts }) => ({
        key,
        ...summarise(counts),
      }));
      return { ...total, groups };
    },
    async compare(current: ResponseFilter, previous: ResponseFilter) {
      const [a, b]: NpsCounts[] = await Promise.all([repo.counts(current), repo.counts(previous)]);
      return compareNps(a as NpsCounts, b as NpsCounts);
    },
    async distribution(filter: ResponseFilter) {
      const counts = Array.from({ length: 11 }, () => 0);
      for (const row of await repo.distribution(filter)) counts[row.score] = row.n;
      return { n: counts.reduce((a, b) => a + b, 0), counts };
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
