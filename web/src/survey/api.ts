import type { ResponseBody } from "./options";
import type { Lang } from "./strings";

type Questions = { score: string; why: string };

/** `GET /api/public/surveys/{id}` (see docs/api.md). */
export type PublicSurvey = {
  id: string;
  language: Lang;
  questions: Partial<Record<Lang, Partial<Questions>>>;
  askConsent: boolean;
  askName: boolean;
  organisationName: string;
  previous?: {
    score: number | null;
    comment: string | null;
    consentToDisplay: boolean | null;
    name: string | null;
  } | null;
};

export type LoadResult =
  | { ok: true; survey: PublicSurvey }
  | { ok: false; reason: "notFound" | "unavailable" };

export type SubmitResult =
  | { ok: true }
  | { ok: false; reason: "invalid"; message: string | null; field: string | null }
  | { ok: false; reason: "tooMany" | "closed" | "offline" | "failed" };

async function errorDetails(
  response: Response,
): Promise<{ message: string | null; field: string | null }> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown; field?: unknown } };
    return {
      message: typeof body.error?.message === "string" ? body.error.message : null,
      field: typeof body.error?.field === "string" ? body.error.field : null,
    };
  } catch {
    return { message: null, field: null };
  }
}

export async function loadSurvey(id: string, invitation?: string): Promise<LoadResult> {
  const query = invitation ? `?invitation=${encodeURIComponent(invitation)}` : "";
  try {
    const response = await fetch(`/api/public/surveys/${encodeURIComponent(id)}${query}`, {
      headers: { accept: "application/json" },
      credentials: "omit",
    });
    if (response.status === 404 || response.status === 410)
      return { ok: false, reason: "notFound" };
    if (!response.ok) return { ok: false, reason: "unavailable" };
    return { ok: true, survey: (await response.json()) as PublicSurvey };
  } catch {
    return { ok: false, reason: "unavailable" };
  }
}

export async function submitResponse(id: string, body: ResponseBody): Promise<SubmitResult> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/surveys/${encodeURIComponent(id)}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
    });
  } catch {
    return { ok: false, reason: "offline" };
  }
  if (response.status === 201 || response.ok) return { ok: true };
  if (response.status === 400)
    return { ok: false, reason: "invalid", ...(await errorDetails(response)) };
  if (response.status === 429) return { ok: false, reason: "tooMany" };
  if (response.status === 404 || response.status === 410) return { ok: false, reason: "closed" };
  return { ok: false, reason: "failed" };
}
