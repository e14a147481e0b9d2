// Danish-first text insight: language, sentiment with evidence, employees named in text.
// Pure code: no I/O, no clock; lexicons load as modules.
export {
  type AnalyzeTextOptions,
  analyzeRules,
  analyzeSentiment,
  analyzeText,
  type TextInsight,
} from "./analyze";
export {
  createEmployeeMatcher,
  type EmployeeMatcher,
  type EmployeeMention,
  type EmployeeRef,
} from "./employees";
export { detectLanguage, type Language, type NgramDetector } from "./language";
export { TEXT_ANALYSIS_VERSION } from "./model/sentiment-model";
export type { SentimentEvidence, SentimentLabel, SentimentResult } from "./sentiment";
