export { registerSurveysRoutes } from "./routes";
export {
  defaultQuestions,
  type SurveyLanguage,
  type SurveyQuestions,
  surveyLanguages,
} from "./schema";
export { createSurveysService, type LinkContext, type SurveysService } from "./service";
