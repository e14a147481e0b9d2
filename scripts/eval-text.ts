// `npm run eval:text`: scores src/core/text against the labelled sets in test/fixtures/text
// (each when present) next to the @nlpjs AFINN/SentiCon baseline, prints the figures and
// writes them to test/fixtures/text/eval-report.json.
//
// Which sets may be tuned and trained on, and which are held out, is decided in
// scripts/text-sets.ts (each set's history: docs/text-evaluation.md). A held-out set runs
// only with --final.
//
//   --set NAME     evaluate one set only
//   --final        also evaluate the held-out set (never while tuning)
//   --errors       print misclassified items, never those of the held-out set
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { analyzeText, createEmployeeMatcher, type EmployeeRef } from "../src/core/text/index";
import { type Example, FIXTURES, type Label, loadSet, TEXT_SETS } from "./text-sets";

type Prediction = { label: Label; employees: Array<{ id: string; sentiment: Label }> };

const LABELS: Label[] = ["positive", "neutral", "negative"];
/** 3-class accuracy and F1 of "employee named with sentiment positive" on unseen data. */
const TARGETS = { accuracy: 0.9, praiseF1: 0.95 };

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

// `--set dev` evaluates one set only; the held-out set only runs with `--final`.
const onlyIndex = process.argv.indexOf("--set");
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const reports = [];
const skipHeldOut = !process.argv.includes("--final");
for (const set of TEXT_SETS) {
  if (only && set.name !== only) continue;
  if (set.heldOut && skipHeldOut) continue;
  const loaded = loadSet(set);
  if (!loaded) {
    console.log(`\n== ${set.name}: ${set.file} not found, skipped`);
    continue;
  }
  reports.push(await evaluate(set.name, loaded.examples, loaded.roster, set.heldOut));
}
// A tuning run (no --final) keeps the last reported held-out result in the report file.
const reportPath = join(FIXTURES, "eval-report.json");
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
