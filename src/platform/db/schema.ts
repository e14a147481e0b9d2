// Every table, gathered for Drizzle and drizzle-kit. Each module owns its own schema.ts.

export * from "../../modules/orgs/schema";
export * from "../../modules/responses/schema";
export * from "../../modules/surveys/schema";
export * from "../../modules/walls/schema";
export * from "../auth/schema";
export * from "./settings-schema";
