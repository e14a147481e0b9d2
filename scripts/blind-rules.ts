// Records what the rules said about a labelled set before they were tuned on it, for the
// combiner of the learned layer (scripts/train-text.ts). Run it from a checkout of the
// commit whose rules had not yet seen the set:
//
//   git worktree add --detach ../blind COMMIT && cd ../blind && ln -s "$OLDPWD/node_modules"
//   node --import tsx "$OLDPWD/scripts/blind-rules.ts" COMMIT "$OLDPWD" SET[:ROSTER]...
//
// It writes test/fixtures/text/blind/SET.json in the main checkout: each text's label,
// score, rating sign and employees, as that commit's analyzeText gave them. It prints no
// accuracy, so it can record a sealed set's rule output without scoring it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Insight = {
  sentiment: { label: string; score: number; evidence: Array<{ weight: number; rule?: string }> };
  employees: Array<{ id: string; sentiment: string }>;
};
type TextModule = {
  createEmployeeMatcher(roster: unknown): unknown;
  analyzeText(text: string, opts: { matcher: unknown }): Insight;
};

const [commit, main, ...sets] = process.argv.slice(2);
if (!commit || !main || sets.length === 0) {
  console.error("usage: blind-rules.ts COMMIT MAIN_CHECKOUT SET[:ROSTER]...");
  process.exit(2);
}
const root = join(process.cwd(), "src/core/text");
const text: TextModule = { ...((await import(join(root, "index.ts"))) as TextModule) };
// Since the learned layer (decision 0009), analyzeText is more than the rules: take the
// rules' own verdicts from the analysed document instead.
if (existsSync(join(root, "document.ts"))) {
  const { analyzeDocument } = (await import(join(root, "document.ts"))) as {
    analyzeDocument(
      text: string,
      opts: { matcher: unknown },
    ): {
      doc: { sum: number; contributions: unknown[] };
      mentions: Array<{ id: string; sentiment: string }>;
    };
  };
  const { summarise, toEvidence } = (await import(join(root, "sentiment.ts"))) as {
    summarise(sum: number): { label: string; score: number };
    toEvidence(contributions: unknown[]): Insight["sentiment"]["evidence"];
  };
  text.analyzeText = (input, opts) => {
    const { doc, mentions } = analyzeDocument(input, opts);
    return {
      sentiment: { ...summarise(doc.sum), evidence: toEvidence(doc.contributions) },
      employees: mentions,
    };
  };
}
const fixtures = join(main, "test/fixtures/text");
for (const spec of sets) {
  const [set, roster = `${spec}-employees.json`] = spec.split(":") as [string, string?];
  const matcher = text.createEmployeeMatcher(
    JSON.parse(readFileSync(join(fixtures, roster), "utf8")),
  );
  const items = readFileSync(join(fixtures, `${set}.jsonl`), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { id: string; text: string });
  const out = items.map((item) => {
    const insight = text.analyzeText(item.text, { matcher });
    const rating = insight.sentiment.evidence
      .filter((e) => (e.rule ?? "").split("+").includes("rating"))
      .reduce((sum, e) => sum + e.weight, 0);
    return {
      id: item.id,
      label: insight.sentiment.label,
      score: insight.sentiment.score,
      rating: Math.sign(rating),
      employees: insight.employees.map((e) => ({ id: e.id, sentiment: e.sentiment })),
    };
  });
  const note = "rule output of the code at this commit, before it was tuned on the set";
  writeFileSync(
    join(fixtures, "blind", `${set}.json`),
    `${JSON.stringify({ set, commit, note, items: out })}\n`,
  );
  console.log(`${set}: ${items.length} texts at ${commit}`);
}
