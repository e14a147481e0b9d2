export { createWallHub, type WallHub } from "./hub";
export { registerWallsRoutes } from "./routes";
export { createWallsService, toWallEvent, type WallEvent, type WallsService } from "./service";
