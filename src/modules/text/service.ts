import { guardText, summariseFindings } from "../../core/guard";
import {
  analyzeText,
  createEmployeeMatcher,
  type EmployeeMatcher,
  TEXT_ANALYSIS_VERSION,
} from "../../core/text";
import type { OrgsService } from "../orgs";
import type { CommentAnalyser } from "../responses";

/** How long an organisation's compiled name matcher is trusted before it is rebuilt. */
const MATCHER_TTL_MS = 30_000;

/**
 * Text insight for one organisation: the pure analysers from src/core with the
 * organisation's employees compiled into a name matcher, cached per organisation.
 */
export function createTextService(deps: { orgs: OrgsService; clock?: () => number }) {
  const now = deps.clock ?? Date.now;
  const matchers = new Map<string, { matcher: EmployeeMatcher; builtAt: number }>();

  async function matcherFor(orgId: string): Promise<EmployeeMatcher> {
    const cached = matchers.get(orgId);
    if (cached && now() - cached.builtAt < MATCHER_TTL_MS) return cached.matcher;
    const employees = await deps.orgs.repo.listEmployees(orgId);
    const matcher = createEmployeeMatcher(
      employees.map((e) => ({ id: e.id, name: e.name, nicknames: e.nicknames })),
    );
    matchers.set(orgId, { matcher, builtAt: now() });
    return matcher;
  }

  async function analyse(orgId: string, text: string, language?: "da" | "en") {
    return analyzeText(text, { language, matcher: await matcherFor(orgId) });
  }

  /** What is stored with each comment: insight plus the guard's kinds and counts. */
  const analyseComment: CommentAnalyser = async (orgId, comment, language) => {
    const insight = await analyse(orgId, comment, language);
    const guard = guardText(comment, "wall");
    return {
      language: insight.language,
      sentiment: insight.sentiment.label,
      sentimentScore: insight.sentiment.score,
      analysis: {
        evidence: insight.sentiment.evidence,
        employees: insight.employees,
        version: TEXT_ANALYSIS_VERSION,
      },
      guard: {
        allowedOnWall: guard.allowed,
        counts: summariseFindings(guard.findings) as Record<string, number>,
      },
    };
  };

  return {
    analyse,
    analyseComment,
    /** Call when an organisation's employees change, so names match at once on this instance. */
    forgetEmployees: (orgId: string) => matchers.delete(orgId),
  };
}

export type TextService = ReturnType<typeof createTextService>;
