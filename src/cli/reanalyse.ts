import type { Services } from "../app";
import { TEXT_ANALYSIS_VERSION } from "../core/text";

/** A one-line progress bar on stderr (stdout stays clean for scripts). */
export function progressLine(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} (${Math.round(share * 100)}%)`;
}

/**
 * Re-runs text insight and the guard on every stored comment, e.g. after a lexicon change.
 * Batches by id so it can run on millions of rows and be interrupted and run again. With
 * `onlyStale`, rows the current analyser wrote (TEXT_ANALYSIS_VERSION) are skipped, so an
 * interrupted run picks up where it stopped.
 */
export async function reanalyseComments(
  services: Services,
  options: {
    orgId?: string;
    onlyStale?: boolean;
    batchSize?: number;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<number> {
  const repo = services.responses.repo;
  const notVersion = options.onlyStale ? TEXT_ANALYSIS_VERSION : undefined;
  const total = await repo.countWithComments(options.orgId, notVersion);
  let done = 0;
  let afterId: string | null = null;
  options.onProgress?.(0, total);
  for (;;) {
    const batch = await repo.commentBatch(
      afterId,
      options.batchSize ?? 500,
      options.orgId,
      notVersion,
    );
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
