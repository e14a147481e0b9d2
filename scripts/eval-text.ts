// `npm run eval:text`: scores src/core/text against the labelled sets in test/fixtures/text
// (each when present) next to the @nlpjs AFINN/SentiCon baseline, prints the figures and
// writes them to test/fixtures/text/eval-report.json.
//
// Sets that may be tuned on: dev.jsonl (the first development set), dev2*.jsonl (written
// for the second round; dev2b-f were each first run blind, as a check on overfitting, and
// tuned on afterwards), holdout.jsonl, holdout2.jsonl and holdout3.jsonl (held out in the
// first three rounds, each used up once its result was reported; docs/text-evaluation.md)
// and dev3.jsonl and dev4*.jsonl (outside authors, third round; each run blind once before
// tuning) and dev5.jsonl (fourth round, run blind once, then tuned on). holdout4.jsonl is
// the fourth round's held-out set, written by someone who has not read the code. It runs
// only with --final. It was reported once (86.8 %, praise F1 0.891;
// docs/text-evaluation.md), so the next round may tune on it once it has a held-out set of
// its own.
//
//   --set NAME     evaluate one set only
//   --final        also evaluate the held-out set (never while tuning)
//   --errors       print misclassified items, never those of the held-out set
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeText, createEmployeeMatcher, type EmployeeRef } from "../src/core/text/index";

type Label = "positive" | "neutral" | "negative";
type Example = {
  id: string;
  lang: "da" | "en";
  label: Label;
  text: string;
  employees?: Array<{ id: string; sentiment: Label }>;
  source?: string;
};
type Prediction = { label: Label; employees: Array<{ id: string; sentiment: Label }> };

const LABELS: Label[] = ["positive", "neutral", "negative"];
/** 3-class accuracy and F1 of "employee named with sentiment positive" on unseen data. */
const TARGETS = { accuracy: 0.9, praiseF1: 0.95 };
const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "..", "test", "fixtures", "text");

/** The bare @nlpjs analyser: AFINN-da (stemmed) for Danish, SentiCon for English. */
export async function createBaseline(): Promise<
  (text: string, lang: "da" | "en") => Promise<number>
> {
  const require = createRequire(import.meta.url);
  const { Container } = require("@nlpjs/core");
  const { SentimentAnalyzer } = require("@nlpjs/sentiment");
  const { LangDa } = require("@nlpjs/lang-da");
  const { LangEn } = require("@nlpjs/lang-en");
  const container = new Container();
  container.use(LangDa);
  container.use(LangEn);
  const analyzer = new SentimentAnalyzer({ container });
  return async (text, lang) => {
    const result = await analyzer.process({ locale: lang, text });
    return Number(result.sentiment?.score ?? 0);
  };
}

function readJsonl(path: string): Example[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Example);
}

type Confusion = Record<Label, Record<Label, number>>;

function emptyConfusion(): Confusion {
  return {
    positive: { positive: 0, neutral: 0, negative: 0 },
    neutral: { positive: 0, neutral: 0, negative: 0 },
    negative: { positive: 0, neutral: 0, negative: 0 },
  };
}

function summariseLabels(examples: Example[], predictions: Label[]) {
  const confusion = emptyConfusion();
  const byLang: Record<string, { n: number; correct: number }> = {};
  let correct = 0;
  examples.forEach((example, i) => {
    const predicted = predictions[i] as Label;
    confusion[example.label][predicted]++;
    const lang = byLang[example.lang] ?? { n: 0, correct: 0 };
    byLang[example.lang] = lang;
    lang.n++;
    if (predicted === example.label) {
      correct++;
      lang.correct++;
    }
  });
  const perLanguage = Object.fromEntries(
    Object.entries(byLang).map(([lang, { n, correct: c }]) => [
      lang,
      { n, accuracy: round(c / n) },
    ]),
  );
  return { n: examples.length, accuracy: round(correct / examples.length), perLanguage, confusion };
}

function praiseScores(examples: Example[], predictions: Prediction[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let mentionCorrect = 0;
  let mentionTotal = 0;
  examples.forEach((example, i) => {
    const gold = new Map((example.employees ?? []).map((e) => [e.id, e.sentiment]));
    const predicted = new Map(
      (predictions[i] as Prediction).employees.map((e) => [e.id, e.sentiment]),
    );
    for (const [id, sentiment] of gold) {
      mentionTotal++;
      if (predicted.get(id) === sentiment) mentionCorrect++;
    }
    const goldPraise = new Set([...gold].filter(([, s]) => s === "positive").map(([id]) => id));
    const predictedPraise = new Set(
      [...predicted].filter(([, s]) => s === "positive").map(([id]) => id),
    );
    for (const id of predictedPraise)
      if (goldPraise.has(id)) tp++;
      else fp++;
    for (const id of goldPraise) if (!predictedPraise.has(id)) fn++;
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    tp,
    fp,
    fn,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    mentionSentimentAccuracy: mentionTotal === 0 ? null : round(mentionCorrect / mentionTotal),
    mentions: mentionTotal,
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function printConfusion(title: string, confusion: Confusion): void {
  console.log(`  ${title} (rows = gold, columns = predicted)`);
  console.log(`    ${"".padEnd(10)}${LABELS.map((l) => l.padStart(10)).join("")}`);
  for (const gold of LABELS) {
    console.log(
      `    ${gold.padEnd(10)}${LABELS.map((p) => String(confusion[gold][p]).padStart(10)).join("")}`,
    );
  }
}

async function evaluate(
  name: string,
  examples: Example[],
  roster: EmployeeRef[],
  heldOut: boolean,
) {
  const showErrors = process.argv.includes("--errors") && !heldOut;
  const matcher = createEmployeeMatcher(roster);
  const baseline = await createBaseline();
  const ours: Prediction[] = [];
  const baselineLabels: Label[] = [];
  let languageCorrect = 0;
  const errors: Array<{ id: string; gold: Label; predicted: Label; text: string }> = [];
  for (const example of examples) {
    // Language is detected, as it is for a stored response; the baseline is given the truth.
    const insight = analyzeText(example.text, { matcher });
    ours.push({ label: insight.sentiment.label, employees: insight.employees });
    if (insight.language === example.lang) languageCorrect++;
    const gold = JSON.stringify(
      (example.employees ?? []).map((e) => `${e.id}:${e.sentiment}`).sort(),
    );
    const got = JSON.stringify(insight.employees.map((e) => `${e.id}:${e.sentiment}`).sort());
    if (gold !== got && showErrors) {
      console.log(`    employees ${example.id} gold=${gold} got=${got}  ${example.text}`);
    }
    if (insight.sentiment.label !== example.label) {
      errors.push({
        id: example.id,
        gold: example.label,
        predicted: insight.sentiment.label,
        text: example.text,
      });
    }
    const score = await baseline(example.text, example.lang);
    baselineLabels.push(score > 0 ? "positive" : score < 0 ? "negative" : "neutral");
  }
  const report = {
    set: name,
    heldOut,
    meetsTargets: false,
    ours: summariseLabels(
      examples,
      ours.map((p) => p.label),
    ),
    baseline: summariseLabels(examples, baselineLabels),
    employeePraise: praiseScores(examples, ours),
    /** Share of texts whose detected language equals the labelled one ("other" counts as wrong). */
    languageAccuracy: round(languageCorrect / examples.length),
  };
  report.meetsTargets =
    report.ours.accuracy >= TARGETS.accuracy && report.employeePraise.f1 >= TARGETS.praiseF1;
  console.log(`\n== ${name}: ${examples.length} texts${heldOut ? " (held out)" : ""}`);
  console.log(
    `  3-class accuracy: ours ${pct(report.ours.accuracy)}  baseline ${pct(report.baseline.accuracy)}`,
  );
  for (const lang of Object.keys(report.ours.perLanguage)) {
    const o = report.ours.perLanguage[lang];
    const b = report.baseline.perLanguage[lang];
    console.log(
      `  ${lang} (n=${o?.n}): ours ${pct(o?.accuracy ?? 0)}  baseline ${pct(b?.accuracy ?? 0)}`,
    );
  }
  console.log(
    `  language detection: ${pct(report.languageAccuracy)} (one-word texts may rightly be "other")`,
  );
  printConfusion("ours", report.ours.confusion);
  printConfusion("baseline @nlpjs", report.baseline.confusion);
  const p = report.employeePraise;
  console.log(
    `  employee praise: P ${p.precision} R ${p.recall} F1 ${p.f1} (tp ${p.tp}, fp ${p.fp}, fn ${p.fn}); per-mention sentiment accuracy ${p.mentionSentimentAccuracy} over ${p.mentions}`,
  );
  if (showErrors) {
    for (const e of errors) console.log(`    ${e.id} gold=${e.gold} got=${e.predicted}  ${e.text}`);
  }
  return report;
}

function summaryOf(report: Awaited<ReturnType<typeof evaluate>>) {
  return {
    set: report.set,
    heldOut: report.heldOut,
    n: report.ours.n,
    accuracy: report.ours.accuracy,
    baselineAccuracy: report.baseline.accuracy,
    praiseF1: report.employeePraise.f1,
    praisePrecision: report.employeePraise.precision,
    praiseRecall: report.employeePraise.recall,
    meetsTargets: report.meetsTargets,
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

// [name, texts, roster, held out]
const sets: Array<[string, string, string, boolean]> = [
  ["dev", "dev.jsonl", "dev-employees.json", false],
  ["dev2", "dev2.jsonl", "dev2-employees.json", false],
  // Written after the dev2 tuning, before any run on it: a check on overfitting, then tuned on.
  ["dev2b", "dev2b.jsonl", "dev2-employees.json", false],
  ["dev2c", "dev2c.jsonl", "dev2-employees.json", false],
  ["dev2d", "dev2d.jsonl", "dev2d-employees.json", false],
  ["dev2e", "dev2e.jsonl", "dev2-employees.json", false],
  ["dev2f", "dev2f.jsonl", "dev2d-employees.json", false],
  ["holdout", "holdout.jsonl", "holdout-employees.json", false],
  // Held out in the second round and reported once (88.0 %, praise F1 0.852); tuned on since.
  ["holdout2", "holdout2.jsonl", "holdout2-employees.json", false],
  ["dev3", "dev3.jsonl", "dev3-employees.json", false],
  // Fourth round, outside authors: each run once blind (figures kept), then tuned on.
  ["dev4b", "dev4b.jsonl", "dev4b-employees.json", false],
  ["dev4a", "dev4a.jsonl", "dev4a-employees.json", false],
  // Fifth development set (outside author, fourth round): run once blind, then tuned on.
  ["dev5", "dev5.jsonl", "dev5-employees.json", false],
  // Held out in the third round and reported once (89.0 %, praise F1 0.920); tuned on since.
  ["holdout3", "holdout3.jsonl", "holdout3-employees.json", false],
  ["holdout4", "holdout4.jsonl", "holdout4-employees.json", true],
];
// `--set dev` evaluates one set only; the held-out set only runs with `--final`.
const onlyIndex = process.argv.indexOf("--set");
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const reports = [];
const skipHeldOut = !process.argv.includes("--final");
for (const [name, file, rosterFile, heldOut] of sets) {
  if (only && name !== only) continue;
  if (heldOut && skipHeldOut) continue;
  const path = join(fixtures, file);
  if (!existsSync(path)) {
    console.log(`\n== ${name}: ${file} not found, skipped`);
    continue;
  }
  const rosterPath = join(fixtures, rosterFile);
  const roster = existsSync(rosterPath)
    ? (JSON.parse(readFileSync(rosterPath, "utf8")) as EmployeeRef[])
    : [];
  reports.push(await evaluate(name, readJsonl(path), roster, heldOut));
}
// A tuning run (no --final) keeps the last reported held-out result in the report file.
const reportPath = join(fixtures, "eval-report.json");
if (skipHeldOut && existsSync(reportPath)) {
  const previous = JSON.parse(readFileSync(reportPath, "utf8")) as {
    reports?: Array<{ heldOut?: boolean; set?: string }>;
  };
  for (const kept of previous.reports ?? []) {
    if (kept.heldOut && !reports.some((r) => r.set === kept.set)) {
      reports.push(kept as (typeof reports)[number]);
    }
  }
}
writeFileSync(
  reportPath,
  `${JSON.stringify({ targets: TARGETS, summary: reports.map(summaryOf), reports }, null, 2)}\n`,
);
