export { registerOrgsRoutes } from "./routes";
export { API_TOKEN_PREFIX, createOrgsService, hashToken, type OrgsService } from "./service";
