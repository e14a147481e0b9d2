// The labelled text sets in test/fixtures/text, shared by `npm run eval:text` and
// `npm run train:text`. Which sets may be tuned and trained on is decided here, once.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeDocument } from "../src/core/text/document";
import { createEmployeeMatcher } from "../src/core/text/employees";
import type { EmployeeRef } from "../src/core/text/index";

export type Label = "positive" | "neutral" | "negative";
export type Example = {
  id: string;
  lang: "da" | "en";
  label: Label;
  text: string;
  employees?: Array<{ id: string; sentiment: Label }>;
  source?: string;
};

export type TextSet = {
  name: string;
  file: string;
  roster: string;
  /** Never tuned or trained on; scored only with --final. */
  heldOut: boolean;
  /**
   * Who wrote it: sets by one author share a group, and cross-validation leaves a whole
   * group out, so a fold measures how the learned layer carries to a new author.
   */
  author: string;
};

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, "..", "test", "fixtures", "text");

export const TEXT_SETS: TextSet[] = [
  { name: "dev", file: "dev.jsonl", roster: "dev-employees.json", heldOut: false, author: "r1" },
  { name: "dev2", file: "dev2.jsonl", roster: "dev2-employees.json", heldOut: false, author: "r2" },
  // Written after the dev2 tuning, before any run on it: a check on overfitting, then tuned on.
  {
    name: "dev2b",
    file: "dev2b.jsonl",
    roster: "dev2-employees.json",
    heldOut: false,
    author: "r2",
  },
  {
    name: "dev2c",
    file: "dev2c.jsonl",
    roster: "dev2-employees.json",
    heldOut: false,
    author: "r2",
  },
  {
    name: "dev2d",
    file: "dev2d.jsonl",
    roster: "dev2d-employees.json",
    heldOut: false,
    author: "r2",
  },
  {
    name: "dev2e",
    file: "dev2e.jsonl",
    roster: "dev2-employees.json",
    heldOut: false,
    author: "r2",
  },
  {
    name: "dev2f",
    file: "dev2f.jsonl",
    roster: "dev2d-employees.json",
    heldOut: false,
    author: "r2",
  },
  {
    name: "holdout",
    file: "holdout.jsonl",
    roster: "holdout-employees.json",
    heldOut: false,
    author: "h1",
  },
  // Held out in the second round and reported once (88.0 %, praise F1 0.852); tuned on since.
  {
    name: "holdout2",
    file: "holdout2.jsonl",
    roster: "holdout2-employees.json",
    heldOut: false,
    author: "h2",
  },
  { name: "dev3", file: "dev3.jsonl", roster: "dev3-employees.json", heldOut: false, author: "d3" },
  // Fourth round, outside authors: each run once blind (figures kept), then tuned on.
  {
    name: "dev4b",
    file: "dev4b.jsonl",
    roster: "dev4b-employees.json",
    heldOut: false,
    author: "d4b",
  },
  {
    name: "dev4a",
    file: "dev4a.jsonl",
    roster: "dev4a-employees.json",
    heldOut: false,
    author: "d4a",
  },
  // Fifth development set (outside author, fourth round): run once blind, then tuned on.
  { name: "dev5", file: "dev5.jsonl", roster: "dev5-employees.json", heldOut: false, author: "d5" },
  // Held out in the third round and reported once (89.0 %, praise F1 0.920); tuned on since.
  {
    name: "holdout3",
    file: "holdout3.jsonl",
    roster: "holdout3-employees.json",
    heldOut: false,
    author: "h3",
  },
  // Held out in the fourth round and reported once (86.8 %, praise F1 0.891); trained on since.
  {
    name: "holdout4",
    file: "holdout4.jsonl",
    roster: "holdout4-employees.json",
    heldOut: false,
    author: "h4",
  },
  // Fifth round, outside author: run once blind with the learned layer (94.4 %, praise F1
  // 0.935; rules alone 87.1 %, 0.913), then trained on.
  { name: "dev6", file: "dev6.jsonl", roster: "dev6-employees.json", heldOut: false, author: "d6" },
  // Held out in the fifth round and reported once (96.0 %, praise F1 0.962); trained on since.
  {
    name: "holdout5",
    file: "holdout5.jsonl",
    roster: "holdout5-employees.json",
    heldOut: false,
    author: "h5",
  },
  // Held out after the fifth round and reported once (94.2 %, praise F1 0.932); trained on
  // since.
  {
    name: "holdout6",
    file: "holdout6.jsonl",
    roster: "holdout6-employees.json",
    heldOut: false,
    author: "h6",
  },
  // The sixth round's sealed set (outside author; holdout7.md): scored once, with --final.
  {
    name: "holdout7",
    file: "holdout7.jsonl",
    roster: "holdout7-employees.json",
    heldOut: true,
    author: "h7",
  },
];

export function readJsonl(path: string): Example[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Example);
}

/** A set's texts and roster, or undefined when its file is not there. */
export function loadSet(set: TextSet): { examples: Example[]; roster: EmployeeRef[] } | undefined {
  const path = join(FIXTURES, set.file);
  if (!existsSync(path)) return undefined;
  const rosterPath = join(FIXTURES, set.roster);
  const roster = existsSync(rosterPath)
    ? (JSON.parse(readFileSync(rosterPath, "utf8")) as EmployeeRef[])
    : [];
  return { examples: readJsonl(path), roster };
}

/**
 * A fingerprint of what the rules say today about every text that may be trained on: the
 * sum and the verdict on each person named. `npm run train:text` stores it beside the
 * weights; when it no longer matches, the rules changed and the model must be retrained.
 */
export function ruleOutputFingerprint(): string {
  const hash = createHash("sha256");
  for (const set of TEXT_SETS) {
    if (set.heldOut) continue;
    const loaded = loadSet(set);
    if (!loaded) continue;
    const matcher = createEmployeeMatcher(loaded.roster);
    for (const example of loaded.examples) {
      const { doc, mentions } = analyzeDocument(example.text, { matcher });
      const people = mentions.map((m) => `${m.id}:${m.sentiment}`).join(",");
      hash.update(`${set.name}|${example.id}|${doc.sum.toFixed(6)}|${people}\n`);
    }
  }
  return hash.digest("hex").slice(0, 12);
}
