import { randomBytes } from "node:crypto";
import { addDays, isoWeek, localDate, mondayOf } from "../../core/calendar";
import { summarise } from "../../core/nps";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import type { Bus, BusMessage } from "../../platform/realtime/bus";
import {
  type ResponseFilter,
  type ResponsesService,
  type StoredResponse,
  wallVerdict,
} from "../responses";
import { createWallsRepo, type WallRow } from "./repo";
import type { WallTheme } from "./schema";

/** What a wall shows for one promoter; the SSE `response` event's data. */
export type WallEvent = {
  id: string;
  score: number;
  comment?: string;
  employee?: string;
  touchpoint?: string;
  team?: string;
  at: string;
};

/** Bus message after an answer is stored: enough for every instance to update its walls. */
export type ResponseStoredMessage = BusMessage & {
  type: "response.stored";
  seq: number;
  score: number;
  team: string | null;
  touchpoint: string | null;
  event: WallEvent | null;
};

export type WallScope = { orgId: string; team: string | null; touchpoint: string | null };

export function inScope(
  scope: WallScope,
  item: { orgId: string; team: string | null; touchpoint: string | null },
): boolean {
  return (
    scope.orgId === item.orgId &&
    (scope.team === null || scope.team === item.team) &&
    (scope.touchpoint === null || scope.touchpoint === item.touchpoint)
  );
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * The wall's view of an answer (responses decide what may be shown: wallVerdict), with the
 * employee as a first name for the shout-out: from the link, else the one the comment praises.
 */
export function toWallEvent(row: StoredResponse): WallEvent | null {
  const verdict = wallVerdict(row);
  if (verdict.status === "not-promoter" || verdict.status === "hidden") return null;
  const event: WallEvent = { id: row.id, score: row.score, at: row.createdAt.toISOString() };
  if (verdict.comment) event.comment = verdict.comment;
  const praised = row.analysis?.employees.find((e) => e.sentiment === "positive");
  const employee = row.employee ?? praised?.name;
  if (employee) event.employee = firstName(employee);
  if (row.touchpoint) event.touchpoint = row.touchpoint;
  if (row.team) event.team = row.team;
  return event;
}

export type WallInput = {
  name?: string;
  team?: string;
  touchpoint?: string;
  goalPerWeek?: number | null;
  theme?: WallTheme;
  language?: "da" | "en";
};

export function createWallsService(deps: {
  db: Db;
  bus: Bus;
  responses: ResponsesService;
  publicUrl: (path: string) => string;
  clock?: () => Date;
}) {
  const repo = createWallsRepo(deps.db);
  const clock = deps.clock ?? (() => new Date());
  const responsesRepo = deps.responses.repo;

  const links = (token: string) => ({
    url: deps.publicUrl(`/w/${token}`),
    streamUrl: deps.publicUrl(`/api/walls/${token}/stream`),
  });

  function toDto(row: WallRow) {
    return {
      id: row.id,
      name: row.name,
      team: row.team,
      touchpoint: row.touchpoint,
      goalPerWeek: row.goalPerWeek,
      theme: row.theme,
      language: row.language,
      ...links(row.token),
      createdAt: row.createdAt.toISOString(),
    };
  }

  function scopeFilter(wall: WallScope): ResponseFilter {
    return {
      orgId: wall.orgId,
      ...(wall.team ? { team: wall.team } : {}),
      ...(wall.touchpoint ? { touchpoint: wall.touchpoint } : {}),
    };
  }

  /** Totals for the wall's scope, always computed from the stored answers. */
  async function stats(wall: WallRow) {
    const filter = scopeFilter(wall);
    const today = localDate(clock());
    const monday = mondayOf(today);
    const [promotersToday, promotersThisWeek, last30] = await Promise.all([
      responsesRepo.counts({ ...filter, from: today }).then((c) => c.promoters),
      responsesRepo.counts({ ...filter, from: monday }).then((c) => c.promoters),
      responsesRepo.counts({ ...filter, from: addDays(today, -29) }),
    ]);
    // progress counts promoters this week towards the goal ("18 af 25").
    const goal = wall.goalPerWeek
      ? { perWeek: wall.goalPerWeek, progress: promotersThisWeek }
      : null;
    return { promotersToday, promotersThisWeek, goal, nps: { current: summarise(last30) } };
  }

  async function state(wall: WallRow) {
    const filter = scopeFilter(wall);
    const today = localDate(clock());
    const firstWeek = addDays(mondayOf(today), -7 * 7);
    const [base, weeks, recentRows, latest] = await Promise.all([
      stats(wall),
      responsesRepo.countsBy({ ...filter, from: firstWeek }, "week"),
      responsesRepo.list(
        { ...filter, category: "promoter", visibleOnly: true },
        { limit: 12, offset: 0 },
      ),
      responsesRepo.list(filter, { limit: 1, offset: 0 }),
    ]);
    const byWeek = new Map(weeks.map((w) => [w.key, w]));
    const trend = Array.from({ length: 8 }, (_, i) => {
      const week = addDays(firstWeek, i * 7);
      const summary = summarise(
        byWeek.get(week) ?? { n: 0, promoters: 0, passives: 0, detractors: 0 },
      );
      return { week: isoWeek(week), nps: summary.nps, n: summary.n };
    });
    return {
      ...base,
      nps: { ...base.nps, trend },
      recent: recentRows.items.map(toWallEvent).filter((e): e is WallEvent => e !== null),
      // Open the stream with ?lastEventId= this, and nothing between the two is lost.
      lastEventId: latest.items[0]?.seq ?? 0,
    };
  }

  return {
    toDto,
    async create(orgId: string, input: WallInput) {
      const row = await repo.insert({
        orgId,
        token: randomBytes(24).toString("base64url"),
        name:
          input.name ??
          ([input.team, input.touchpoint].filter(Boolean).join(" · ") || "Glade kunder"),
        team: input.team ?? null,
        touchpoint: input.touchpoint ?? null,
        goalPerWeek: input.goalPerWeek ?? null,
        theme: input.theme ?? "dark",
        language: input.language ?? "da",
      });
      return toDto(row);
    },
    async list(orgId: string) {
      return (await repo.list(orgId)).map(toDto);
    },
    async update(orgId: string, id: string, input: WallInput) {
      const row = await repo.update(orgId, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.goalPerWeek !== undefined ? { goalPerWeek: input.goalPerWeek } : {}),
        ...(input.theme !== undefined ? { theme: input.theme } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
      });
      if (!row) throw notFound("Wall");
      deps.bus.publish({ type: "wall.changed", orgId, wallId: id });
      return toDto(row);
    },
    async revoke(orgId: string, id: string) {
      if (!(await repo.revoke(orgId, id))) throw notFound("Wall");
      deps.bus.publish({ type: "wall.revoked", orgId, wallId: id });
    },
    async byToken(token: string) {
      const row = token.length >= 16 && token.length <= 64 ? await repo.activeByToken(token) : null;
      if (!row) throw notFound("Wall");
      return row;
    },
    stats,
    state,
    /** Missed promoters after a wall event id, oldest first, bounded. */
    async backlog(wall: WallRow, afterSeq: number, limit: number) {
      const rows = await responsesRepo.listBySeq(
        { ...scopeFilter(wall), category: "promoter", visibleOnly: true, afterSeq },
        limit,
      );
      return rows
        .map((row) => ({ seq: row.seq, event: toWallEvent(row) }))
        .filter((e): e is { seq: number; event: WallEvent } => e.event !== null);
    },
    /** After an answer committed: tell every instance (and so every wall). */
    publishStored(row: StoredResponse) {
      const message: ResponseStoredMessage = {
        type: "response.stored",
        orgId: row.orgId,
        seq: row.seq,
        score: row.score,
        team: row.team,
        touchpoint: row.touchpoint,
        event: toWallEvent(row),
      };
      deps.bus.publish(message);
    },
    publishHidden(orgId: string, responseId: string, hidden: boolean) {
      deps.bus.publish({ type: hidden ? "response.hidden" : "response.shown", orgId, responseId });
    },
  };
}

export type WallsService = ReturnType<typeof createWallsService>;
