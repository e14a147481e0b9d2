import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "../orgs/schema";
import { surveyInvitations, surveys } from "../surveys/schema";

export const channels = ["link", "qr", "kiosk", "email", "widget", "api"] as const;
export type Channel = (typeof channels)[number];

export type ResponseAnalysis = {
  evidence: Array<{ token: string; weight: number; rule?: string }>;
  employees: Array<{ id: string; name: string; sentiment: "positive" | "neutral" | "negative" }>;
  /** TEXT_ANALYSIS_VERSION of the analyser that wrote it; absent on rows from before it. */
  version?: string;
};

/** What the guard found in a comment: kinds and counts only, never the secret itself. */
export type GuardSummary = { allowedOnWall: boolean; counts: Record<string, number> };

export const responses = pgTable(
  "responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Arrival order across the installation: the wall's event id (SSE Last-Event-ID). */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    score: smallint("score").notNull(),
    comment: text("comment"),
    consentToDisplay: boolean("consent_to_display").notNull().default(false),
    respondentName: text("respondent_name"),
    team: text("team"),
    touchpoint: text("touchpoint"),
    employee: text("employee"),
    channel: text("channel").$type<Channel>().notNull().default("link"),
    language: text("language"),
    invitationId: uuid("invitation_id").references(() => surveyInvitations.id, {
      onDelete: "set null",
    }),
    sentiment: text("sentiment").$type<"positive" | "neutral" | "negative">(),
    sentimentScore: real("sentiment_score"),
    analysis: jsonb("analysis").$type<ResponseAnalysis>(),
    guard: jsonb("guard").$type<GuardSummary>(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("responses_org_created_idx").on(t.orgId, t.createdAt),
    index("responses_org_survey_created_idx").on(t.orgId, t.surveyId, t.createdAt),
    uniqueIndex("responses_invitation_uq").on(t.invitationId),
    index("responses_org_seq_idx").on(t.orgId, t.seq),
  ],
);

/**
 * Daily NPS counts per combination of the dimensions analytics filter and group by, so a
 * 90-day query reads buckets, not answers. Missing dimensions are stored as '' (primary
 * keys cannot hold NULL). Built by rollups.ts for closed days only; exact by construction.
 */
export const npsRollups = pgTable(
  "nps_rollups",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    surveyId: uuid("survey_id").notNull(),
    team: text("team").notNull(),
    touchpoint: text("touchpoint").notNull(),
    employee: text("employee").notNull(),
    channel: text("channel").notNull(),
    sentiment: text("sentiment").notNull(),
    n: integer("n").notNull(),
    promoters: integer("promoters").notNull(),
    passives: integer("passives").notNull(),
    detractors: integer("detractors").notNull(),
  },
  (t) => [
    primaryKey({
      name: "nps_rollups_pk",
      columns: [
        t.orgId,
        t.day,
        t.surveyId,
        t.team,
        t.touchpoint,
        t.employee,
        t.channel,
        t.sentiment,
      ],
    }),
  ],
);

/** Which (organisation, day) pairs nps_rollups holds, and up to when; the rest is read raw. */
export const npsRollupDays = pgTable(
  "nps_rollup_days",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    /** The day is counted in the rollups up to here (its next midnight once the day is over). */
    builtUntil: timestamp("built_until", { withTimezone: true }).notNull(),
    builtAt: timestamp("built_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "nps_rollup_days_pk", columns: [t.orgId, t.day] })],
);

/**
 * One-dimension projections of nps_rollups (dimension 'none' is the day's total), so the
 * common unfiltered "NPS by team / by week" reads a few rows per day whatever the number of
 * dimension combinations. Built from nps_rollups in the same transaction.
 */
export const npsRollupsByDimension = pgTable(
  "nps_rollups_by_dimension",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    surveyId: uuid("survey_id").notNull(),
    dimension: text("dimension").notNull(),
    key: text("key").notNull(),
    n: integer("n").notNull(),
    promoters: integer("promoters").notNull(),
    passives: integer("passives").notNull(),
    detractors: integer("detractors").notNull(),
  },
  (t) => [
    primaryKey({
      name: "nps_rollups_by_dimension_pk",
      columns: [t.orgId, t.dimension, t.day, t.surveyId, t.key],
    }),
  ],
);
