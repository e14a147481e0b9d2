// Demo data for `npm start -- --demo`: a Danish municipality with teams, employees, three
// surveys and about 2,000 answers over 90 days, plus a simulator that keeps the wall alive.
import { randomBytes } from "node:crypto";
import type { Services } from "../app";
import type { Channel } from "../modules/responses";
import type { Database } from "../platform/db";
import type { Logger } from "../platform/logger";
import { type DemoComment, demoComments, demoEmployees, demoRespondentNames } from "./comments";

export const DEMO_SLUG = "demo-kommune";
export const DEMO_EMAIL = "demo@anbefal.local";

const touchpointsByTeam: Record<string, string[]> = {
  Borgerservice: ["Borgerservice", "Telefon"],
  Jobcenter: ["Jobcenter", "Telefon"],
  "Teknik og Miljø": ["Byggesag", "Telefon"],
  "Ældre og Sundhed": ["Hjemmeplejen", "Telefon"],
  Kultur: ["Biblioteket"],
};

const surveyDefs = [
  {
    name: "Borgerservice efter besøg",
    language: "da" as const,
    teams: ["Borgerservice", "Kultur"],
  },
  { name: "Jobcenter opfølgning", language: "da" as const, teams: ["Jobcenter"] },
  {
    name: "Telefon og sagsbehandling",
    language: "da" as const,
    teams: ["Teknik og Miljø", "Ældre og Sundhed", "Borgerservice"],
  },
];

/** A small seeded PRNG (mulberry32) so the demo looks the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** Scores drift upward over the 90 days: the story a demo should tell. */
function demoScore(random: () => number, progress: number): number {
  const r = random();
  const promoterShare = 0.42 + 0.18 * progress;
  const detractorShare = 0.24 - 0.1 * progress;
  if (r < promoterShare) return random() < 0.55 ? 10 : 9;
  if (r < promoterShare + detractorShare) return pick(random, [0, 2, 3, 4, 5, 5, 6, 6, 6]);
  return random() < 0.5 ? 8 : 7;
}

export type DemoAnswer = {
  score: number;
  comment?: string;
  consentToDisplay: boolean;
  name?: string;
  team: string;
  touchpoint: string;
  employee?: string;
  channel: Channel;
  language: "da" | "en";
};

export function demoAnswer(
  random: () => number,
  progress: number,
  employeesByTeam: Map<string, string[]>,
): DemoAnswer {
  const score = demoScore(random, progress);
  const category = score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
  const team = pick(random, Object.keys(touchpointsByTeam));
  const touchpoint = pick(random, touchpointsByTeam[team] ?? ["Telefon"]);
  const staff = employeesByTeam.get(team) ?? [];
  const employee = staff.length && random() < 0.7 ? pick(random, staff) : undefined;
  const hasComment = random() < 0.62;
  const template: DemoComment = pick(random, demoComments[category]);
  let comment: string | undefined;
  if (hasComment) {
    const firstName =
      (employee ?? pick(random, staff.length ? staff : ["Julie"])).split(" ")[0] ?? "";
    comment = template.text.replaceAll("{employee}", firstName);
  }
  const channel = pick(random, ["link", "link", "email", "qr", "kiosk"] as const);
  return {
    score,
    comment,
    consentToDisplay: Boolean(comment) && random() < 0.7,
    name: random() < 0.3 ? pick(random, demoRespondentNames) : undefined,
    team,
    touchpoint,
    employee,
    channel,
    language: hasComment ? template.language : random() < 0.9 ? "da" : "en",
  };
}

/** Creates the demo organisation once; on later starts only resets the demo password. */
export async function seedDemo(
  services: Services,
  _database: Database,
  options: { responses?: number; now?: Date } = {},
) {
  const password = randomBytes(9).toString("base64url");
  const existing = await services.orgs.organisationBySlug(DEMO_SLUG);
  if (existing) {
    await services.orgs.setPassword(DEMO_EMAIL, password);
    return { orgId: existing.id, email: DEMO_EMAIL, password, created: false };
  }
  const { organisation } = await services.orgs.createOrganisation({
    organisationName: "Demo Kommune",
    adminName: "Demo Admin",
    adminEmail: DEMO_EMAIL,
    adminPassword: password,
  });
  const orgId = organisation.id;
  const random = seededRandom(20261123);
  for (const team of Object.keys(touchpointsByTeam)) await services.orgs.addTeam(orgId, team);
  const touchpointNames = [...new Set(Object.values(touchpointsByTeam).flat())];
  for (const touchpoint of touchpointNames) await services.orgs.addTouchpoint(orgId, touchpoint);
  const employeesByTeam = new Map<string, string[]>();
  for (const e of demoEmployees) {
    await services.orgs.repo.insertEmployee({
      orgId,
      name: e.name,
      team: e.team,
      nicknames: e.nicknames ?? [],
    });
    employeesByTeam.set(e.team, [...(employeesByTeam.get(e.team) ?? []), e.name]);
  }
  const surveys = [];
  for (const def of surveyDefs)
    surveys.push(
      await services.surveys.create(orgId, {
        name: def.name,
        language: def.language,
        askName: true,
      }),
    );

  const total = options.responses ?? 2000;
  const now = (options.now ?? new Date()).getTime();
  const span = 90 * 86_400_000;
  const rows = [];
  for (let i = 0; i < total; i++) {
    const progress = i / total;
    // Office hours mostly: answers arrive during the day, fewer at weekends.
    const day = new Date(now - span + progress * span);
    day.setHours(
      8 + Math.floor(random() * 10),
      Math.floor(random() * 60),
      Math.floor(random() * 60),
    );
    if (day.getTime() > now) day.setTime(now - Math.floor(random() * 3_600_000));
    const answer = demoAnswer(random, progress, employeesByTeam);
    const survey = surveys[Math.floor(random() * surveys.length)];
    if (!survey) continue;
    // The same text insight and guard verdict a live answer gets.
    const insight = answer.comment
      ? await services.text.analyseComment(orgId, answer.comment, answer.language)
      : undefined;
    rows.push({
      sentiment: insight?.sentiment ?? null,
      sentimentScore: insight?.sentimentScore ?? null,
      analysis: insight?.analysis ?? null,
      guard: insight?.guard ?? null,
      orgId,
      surveyId: survey.id,
      score: answer.score,
      comment: answer.comment ?? null,
      consentToDisplay: answer.consentToDisplay,
      respondentName: answer.name ?? null,
      team: answer.team,
      touchpoint: answer.touchpoint,
      employee: answer.employee ?? null,
      channel: answer.channel,
      language: answer.language,
      createdAt: day,
      updatedAt: day,
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await services.responses.repo.insertMany(rows.slice(i, i + 500));
  return { orgId, email: DEMO_EMAIL, password, created: true };
}

/** Submits a realistic answer every few seconds through the same path as the survey page. */
export function startSimulator(
  services: Services,
  orgId: string,
  logger: Logger,
  intervalMs: { min: number; max: number } = { min: 2500, max: 6000 },
): () => void {
  const random = seededRandom(Date.now() & 0xffffffff);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const surveys = await services.surveys.list(orgId);
      const employees = await services.orgs.repo.listEmployees(orgId);
      const byTeam = new Map<string, string[]>();
      for (const e of employees)
        if (e.team) byTeam.set(e.team, [...(byTeam.get(e.team) ?? []), e.name]);
      const survey = surveys.length ? pick(random, surveys) : undefined;
      if (survey) {
        // The live demo leans happy: it is what the wall is for.
        const answer = demoAnswer(random, 1, byTeam);
        await services.responses.submit(survey.id, answer);
      }
    } catch (error) {
      logger.warn({ err: error }, "demo simulator: submit failed");
    }
    if (!stopped)
      timer = setTimeout(tick, intervalMs.min + random() * (intervalMs.max - intervalMs.min));
  };
  timer = setTimeout(tick, 1000);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
