import type { Services } from "../app";

/** A one-line progress bar on stderr (stdout stays clean for scripts). */
export function progressLine(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} (${Math.round(share * 100)}%)`;
}

/**
 * Re-runs text insight and the guard on every stored comment, e.g. after a lexicon change.
 * Batches by id so it can run on millions of rows and be interrupted and run again.
 */
export async function reanalyseComments(
  services: Services,
  options: {
    orgId?: string;
    batchSize?: number;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<number> {
  const repo = services.responses.repo;
  const total = await repo.countWithComments(options.orgId);
  let done = 0;
  let afterId: string | null = null;
  options.onProgress?.(0, total);
  for (;;) {
    const batch = await repo.commentBatch(afterId, options.batchSize ?? 500, options.orgId);
    if (batch.length === 0) break;
    for (const row of batch) {
      const language = row.language === "da" || row.language === "en" ? row.language : undefined;
      const result = await services.text.analyseComment(row.orgId, row.comment ?? "", language);
      await repo.updateAnalysis(row.orgId, row.id, {
        sentiment: result.sentiment,
        sentimentScore: result.sentimentScore,
        analysis: result.analysis,
        guard: result.guard,
      });
    }
    done += batch.length;
    afterId = batch[batch.length - 1]?.id ?? null;
    options.onProgress?.(Math.min(done, total), total);
  }
  return done;
}
