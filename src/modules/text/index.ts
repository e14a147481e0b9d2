export { registerTextRoutes } from "./routes";
export { createTextService, type TextService } from "./service";
