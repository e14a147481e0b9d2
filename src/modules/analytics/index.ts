export { registerAnalyticsRoutes } from "./routes";
export { type AnalyticsService, createAnalyticsService } from "./service";
