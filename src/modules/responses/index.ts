export type { GroupBy, ResponseFilter } from "./repo";
export { buildAllRollups, buildRollupsForOrg } from "./rollups";
export {
  type ResponseFilterQuery,
  registerResponsesRoutes,
  responseFilterQuery,
  toFilter,
} from "./routes";
export type { Channel, GuardSummary, ResponseAnalysis } from "./schema";
export { channels } from "./schema";
export {
  type CommentAnalyser,
  createResponsesService,
  type ResponsesService,
  type StoredResponse,
  type SubmitResponseInput,
  WALL_COMMENT_MAX,
  type WallStatus,
  wallVerdict,
} from "./service";
