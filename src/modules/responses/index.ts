export { type GroupBy, type ResponseFilter, TIME_ZONE } from "./repo";
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
} from "./service";
