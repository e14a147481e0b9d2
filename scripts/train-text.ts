// `npm run train:text`: fits the learned layer of src/core/text and writes it to
// src/core/text/model/sentiment-model.ts. Two parts, stacked:
//
// 1. a word model: logistic regression over the words of a text (classifier.ts,
//    features.ts), trained on every set that may be trained on (scripts/text-sets.ts;
//    never a held-out set);
// 2. a combiner: a small logistic regression over the rules' sum and the word model's
//    odds. It is fitted on "blind" rule output (test/fixtures/text/blind/*.json: what the
//    rules said about a set at the commit before they were tuned on it) and on word-model
//    odds from a model that never saw that set's author. Fitted on the rules' current
//    output instead, it would trust rules tuned on those very texts far too much.
//
// It prints leave-one-set-out estimates: each blind set scored by a combiner fitted on the
// other blind sets, and a word model trained without the set's author.
//
//   --dry              print the estimates, write nothing
//   --praise-errors    also print each praise the leave-one-set-out estimate gets wrong
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CLASSES,
  type LinearModelData,
  loadModel,
  mostLikely,
  predictProbabilities,
  type TrainingExample,
  train,
} from "../src/core/text/classifier";
import { analyzeDocument } from "../src/core/text/document";
import { createEmployeeMatcher } from "../src/core/text/employees";
import {
  combinerFeatures,
  decideLabel,
  mentionFeatures,
  mentionWordFeatures,
  wordFeatures,
} from "../src/core/text/features";
import { summarise, sumOfScore } from "../src/core/text/sentiment";
import { type Example, FIXTURES, loadSet, ruleOutputFingerprint, TEXT_SETS } from "./text-sets";

const WORD_L2 = 0.0003;
const WORD_EPOCHS = 300;
const COMBINER_L2 = 0.001;
const COMBINER_EPOCHS = 600;

type Row = {
  set: string;
  author: string;
  example: Example;
  words: TrainingExample;
  /** The rules' sum before they were tuned on this set, when known. */
  blindSum?: number;
  blindRating?: number;
  /** The employees the rules found then, with their sentiment. */
  blindMentions?: Mention[];
  /** Each employee the rules find now: the words around the name, with the gold label. */
  mentionWords: Map<string, TrainingExample>;
};

type Mention = { id: string; sentiment: "positive" | "neutral" | "negative" };
type BlindFile = {
  commit: string;
  items: Array<{ id: string; score: number; rating: number; employees: Mention[] }>;
};

function loadRows(): Row[] {
  const out: Row[] = [];
  for (const set of TEXT_SETS) {
    if (set.heldOut) continue;
    const loaded = loadSet(set);
    if (!loaded) continue;
    const blindPath = join(FIXTURES, "blind", `${set.name}.json`);
    const blind = existsSync(blindPath)
      ? new Map(
          (JSON.parse(readFileSync(blindPath, "utf8")) as BlindFile).items.map((i) => [i.id, i]),
        )
      : undefined;
    const matcher = createEmployeeMatcher(loaded.roster);
    for (const example of loaded.examples) {
      const analysed = analyzeDocument(example.text, { matcher });
      const gold = new Map((example.employees ?? []).map((e) => [e.id, e.sentiment]));
      const mentionWords = new Map<string, TrainingExample>();
      for (const m of analysed.mentions) {
        mentionWords.set(m.id, {
          features: mentionWordFeatures(analysed.doc, analysed.names, m.start, analysed.language),
          // A false match is no one's praise: learned as neutral.
          label: CLASSES.indexOf(gold.get(m.id) ?? "neutral"),
        });
      }
      out.push({
        mentionWords,
        set: set.name,
        author: set.author,
        example,
        words: {
          features: wordFeatures(analysed.doc, analysed.language, analysed.names),
          label: CLASSES.indexOf(example.label),
        },
        blindSum: blind?.has(example.id)
          ? sumOfScore(blind.get(example.id)?.score ?? 0)
          : undefined,
        blindMentions: blind?.get(example.id)?.employees,
        blindRating: blind?.get(example.id)?.rating,
      });
    }
  }
  return out;
}

const rows = loadRows();
const authors = [...new Set(rows.map((r) => r.author))];

// Out-of-author word-model probabilities for every row.
const wordOdds = new Map<Row, [number, number, number]>();
for (const author of authors) {
  const model = loadModel({
    trainedOn: [],
    l2: WORD_L2,
    weights: train(
      rows.filter((r) => r.author !== author).map((r) => r.words),
      { l2: WORD_L2, epochs: WORD_EPOCHS },
    ),
  });
  for (const r of rows)
    if (r.author === author) wordOdds.set(r, predictProbabilities(model, r.words.features));
}

// Out-of-author mention-word-model probabilities, by row and employee.
const MENTION_L2 = WORD_L2;
const mentionOdds = new Map<Row, Map<string, [number, number, number]>>();
for (const author of authors) {
  const model = loadModel({
    trainedOn: [],
    l2: MENTION_L2,
    weights: train(
      rows.filter((r) => r.author !== author).flatMap((r) => [...r.mentionWords.values()]),
      { l2: MENTION_L2, epochs: WORD_EPOCHS },
    ),
  });
  for (const r of rows) {
    if (r.author !== author) continue;
    const odds = new Map<string, [number, number, number]>();
    for (const [id, m] of r.mentionWords) odds.set(id, predictProbabilities(model, m.features));
    mentionOdds.set(r, odds);
  }
}
/** For a name the old rules found and today's do not: no word evidence either way. */
const UNKNOWN: [number, number, number] = [1 / 3, 1 / 3, 1 / 3];

const blindRows = rows.filter((r) => r.blindSum !== undefined);
const blindSets = [...new Set(blindRows.map((r) => r.set))];
const combinerExample = (r: Row): TrainingExample => ({
  features: combinerFeatures(
    r.blindSum as number,
    r.blindRating ?? 0,
    wordOdds.get(r) as [number, number, number],
  ),
  label: r.words.label,
});

console.log("leave-one-set-out, on rule output from before each set was tuned on:");
console.log("  set         n   rules  words  combined");
let totals: [number, number, number, number] = [0, 0, 0, 0];
for (const held of blindSets) {
  const combiner = loadModel({
    trainedOn: [],
    l2: COMBINER_L2,
    weights: train(blindRows.filter((r) => r.set !== held).map(combinerExample), {
      l2: COMBINER_L2,
      epochs: COMBINER_EPOCHS,
      minCount: 1,
    }),
  });
  let rule = 0;
  let word = 0;
  let combined = 0;
  const test = blindRows.filter((r) => r.set === held);
  for (const r of test) {
    const label = CLASSES[r.words.label];
    if (summarise(r.blindSum as number).label === label) rule++;
    if (mostLikely(wordOdds.get(r) as [number, number, number]) === label) word++;
    const p = predictProbabilities(combiner, combinerExample(r).features);
    if (CLASSES.indexOf(decideLabel(p, r.blindSum as number, r.blindRating ?? 0)) === r.words.label)
      combined++;
  }
  totals = [totals[0] + test.length, totals[1] + rule, totals[2] + word, totals[3] + combined];
  console.log(
    `  ${held.padEnd(9)}${String(test.length).padStart(4)}  ${pct(rule / test.length)}  ${pct(word / test.length)}  ${pct(combined / test.length)}`,
  );
}
const [n, rule, word, combined] = totals;
console.log(
  `  all      ${String(n).padStart(5)}  ${pct(rule / n)}  ${pct(word / n)}  ${pct(combined / n)}`,
);

// Mentions: the rules' per-person verdict, alone and combined with the text's learned one.
const mentionExamples = (r: Row, text: [number, number, number]): TrainingExample[] => {
  const gold = new Map((r.example.employees ?? []).map((e) => [e.id, e.sentiment]));
  const found = r.blindMentions ?? [];
  return found.map((m) => ({
    // A false match is no one's praise: scored as neutral.
    features: mentionFeatures(
      m.sentiment,
      found.length,
      text,
      mentionOdds.get(r)?.get(m.id) ?? UNKNOWN,
    ),
    label: CLASSES.indexOf(gold.get(m.id) ?? "neutral"),
  }));
};
function praiseF1(
  pairs: Array<{ gold: Map<string, string>; predicted: Map<string, string> }>,
): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, predicted } of pairs) {
    for (const [id, s] of predicted)
      if (s === "positive") gold.get(id) === "positive" ? tp++ : fp++;
    for (const [id, s] of gold) if (s === "positive" && predicted.get(id) !== "positive") fn++;
  }
  const p = tp / (tp + fp || 1);
  const rc = tp / (tp + fn || 1);
  return `P ${p.toFixed(3)} R ${rc.toFixed(3)} F1 ${((2 * p * rc) / (p + rc || 1)).toFixed(3)}`;
}
console.log("praise of named employees, leave-one-set-out:");
const allRule: Array<{ gold: Map<string, string>; predicted: Map<string, string> }> = [];
const allCombined: typeof allRule = [];
for (const held of blindSets) {
  const train_ = blindRows.filter((r) => r.set !== held);
  const docCombiner = loadModel({
    trainedOn: [],
    l2: COMBINER_L2,
    weights: train(train_.map(combinerExample), {
      l2: COMBINER_L2,
      epochs: COMBINER_EPOCHS,
      minCount: 1,
    }),
  });
  const textOf = (r: Row) => predictProbabilities(docCombiner, combinerExample(r).features);
  const mentionModel = loadModel({
    trainedOn: [],
    l2: COMBINER_L2,
    weights: train(
      train_.flatMap((r) => mentionExamples(r, textOf(r))),
      { l2: COMBINER_L2, epochs: COMBINER_EPOCHS, minCount: 1 },
    ),
  });
  const ruleSide: typeof allRule = [];
  const combinedSide: typeof allRule = [];
  for (const r of blindRows.filter((x) => x.set === held)) {
    const gold = new Map((r.example.employees ?? []).map((e) => [e.id, e.sentiment as string]));
    const found = r.blindMentions ?? [];
    ruleSide.push({ gold, predicted: new Map(found.map((m) => [m.id, m.sentiment])) });
    const text = textOf(r);
    combinedSide.push({
      gold,
      predicted: new Map(
        found.map((m) => [
          m.id,
          mostLikely(
            predictProbabilities(
              mentionModel,
              mentionFeatures(
                m.sentiment,
                found.length,
                text,
                mentionOdds.get(r)?.get(m.id) ?? UNKNOWN,
              ),
            ),
          ) as string,
        ]),
      ),
    });
    if (process.argv.includes("--praise-errors")) {
      const { predicted } = combinedSide[combinedSide.length - 1] as (typeof allRule)[number];
      const wrong = [...new Set([...gold.keys(), ...predicted.keys()])].filter(
        (id) => (gold.get(id) === "positive") !== (predicted.get(id) === "positive"),
      );
      for (const id of wrong) {
        const rule = found.find((m) => m.id === id)?.sentiment ?? "-";
        console.log(
          `    ${r.example.id} ${id} gold=${gold.get(id) ?? "-"} got=${predicted.get(id) ?? "-"} rules=${rule}  ${r.example.text}`,
        );
      }
    }
  }
  allRule.push(...ruleSide);
  allCombined.push(...combinedSide);
  console.log(
    `  ${held.padEnd(9)} rules ${praiseF1(ruleSide)}  combined ${praiseF1(combinedSide)}`,
  );
}
console.log(`  all       rules ${praiseF1(allRule)}  combined ${praiseF1(allCombined)}`);

if (!process.argv.includes("--dry")) {
  const fitCombiner = (examples: TrainingExample[]) =>
    train(examples, { l2: COMBINER_L2, epochs: COMBINER_EPOCHS, minCount: 1 });
  const combiner = fitCombiner(blindRows.map(combinerExample));
  const mentionWords = train(
    rows.flatMap((r) => [...r.mentionWords.values()]),
    { l2: MENTION_L2, epochs: WORD_EPOCHS },
  );
  const combinerModel = loadModel({ trainedOn: blindSets, l2: COMBINER_L2, weights: combiner });
  const mentions = fitCombiner(
    blindRows.flatMap((r) =>
      mentionExamples(r, predictProbabilities(combinerModel, combinerExample(r).features)),
    ),
  );
  const words = train(
    rows.map((r) => r.words),
    { l2: WORD_L2, epochs: WORD_EPOCHS },
  );
  const sets = [...new Set(rows.map((r) => r.set))];
  const models: Record<string, LinearModelData> = {
    COMBINER_MODEL: combinerModel.data,
    MENTION_MODEL: { trainedOn: blindSets, l2: COMBINER_L2, weights: mentions },
    MENTION_WORD_MODEL: { trainedOn: sets, l2: MENTION_L2, weights: mentionWords },
    WORD_MODEL: { trainedOn: sets, l2: WORD_L2, weights: words },
  };
  // The version changes with the weights and with anything the rules now say differently
  // about any labelled text: stored analyses with another version are stale.
  const rules = ruleOutputFingerprint();
  const version = createHash("sha256")
    .update(JSON.stringify(models))
    .update(rules)
    .digest("hex")
    .slice(0, 12);
  const here = dirname(fileURLToPath(import.meta.url));
  const out = join(here, "..", "src", "core", "text", "model", "sentiment-model.ts");
  writeFileSync(
    out,
    `// Generated by \`npm run train:text\` (scripts/train-text.ts) from ${rows.length} labelled texts; do not edit.\n` +
      `import type { LinearModelData } from "../classifier";\n\n` +
      `/** Which rules and weights analysed a text; stored with each analysis. */\n` +
      `export const TEXT_ANALYSIS_VERSION = "${version}";\n\n` +
      `/** What the rules said about the training texts (scripts/text-sets.ts); a test compares. */\n` +
      `export const RULES_FINGERPRINT = "${rules}";\n` +
      Object.entries(models)
        .map(
          ([name, data]) => `\nexport const ${name}: LinearModelData = ${JSON.stringify(data)};\n`,
        )
        .join(""),
  );
  console.log(`word model: ${Object.keys(words).length} features`);
  console.log(`combiner: ${JSON.stringify(combiner)}`);
  console.log(`mentions: ${JSON.stringify(mentions)}`);
  console.log(`-> ${out}`);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`.padStart(6);
}
