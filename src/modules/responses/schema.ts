import {
  bigint,
  boolean,
  index,
  jsonb,
  pgTable,
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
