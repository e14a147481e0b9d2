import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../orgs/schema";

export const surveyLanguages = ["da", "en"] as const;
export type SurveyLanguage = (typeof surveyLanguages)[number];

export type SurveyQuestions = Record<SurveyLanguage, { score: string; why: string }>;

export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    language: text("language").$type<SurveyLanguage>().notNull(),
    questions: jsonb("questions").$type<SurveyQuestions>().notNull(),
    askConsent: boolean("ask_consent").notNull().default(true),
    askName: boolean("ask_name").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("surveys_org_idx").on(t.orgId)],
);

/**
 * Single-use links: one answer per invitation, a second submit edits it. Shaped so that
 * e-mail delivery (a later issue) only has to fill `email` and record `sentAt`.
 */
export const surveyInvitations = pgTable(
  "survey_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    token: text("token").notNull().unique(),
    email: text("email"),
    team: text("team"),
    touchpoint: text("touchpoint"),
    employee: text("employee"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("survey_invitations_survey_idx").on(t.orgId, t.surveyId)],
);

export const defaultQuestions: SurveyQuestions = {
  da: {
    score: "Hvor sandsynligt er det, at du vil anbefale os til en ven eller kollega?",
    why: "Hvad er den vigtigste grund til din vurdering?",
  },
  en: {
    score: "How likely is it that you would recommend us to a friend or colleague?",
    why: "What is the most important reason for your score?",
  },
};
