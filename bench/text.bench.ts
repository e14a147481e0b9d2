// Text insight throughput: analyzeText (language detection, sentiment with evidence and a
// 25-person name matcher) over 200-character comments, beside the bare @nlpjs
// SentimentAnalyzer (AFINN-da, no names, no language detection) on the same texts.
import { createRequire } from "node:module";
import { analyzeText, createEmployeeMatcher, type EmployeeRef } from "../src/core/text/index";
import type { Bench } from "./types";

const FIRST = [
  "Karin",
  "Lars",
  "Sofie",
  "Søren",
  "Julie",
  "Mads",
  "Emma",
  "Anne-Marie",
  "Kenneth",
  "Per",
  "Hanne",
  "Jørgen",
  "Fatima",
  "Ahmad",
  "Camilla",
  "Thomas",
  "Rose",
  "Henrik",
  "Ida",
  "Bo",
  "James",
  "Grace",
  "Mette",
  "Niels",
  "Louise",
];
const LAST = [
  "Holm",
  "Møller",
  "Nielsen",
  "Kjær",
  "Andersen",
  "Østergaard",
  "Clarke",
  "Dahl",
  "Skov",
  "Lund",
  "Bech",
  "Sørensen",
  "Ali",
  "Rahimi",
  "Berg",
  "Jensen",
  "Kristensen",
  "Dam",
  "Mortensen",
  "Glad",
  "Wilson",
  "Miller",
  "Frederiksen",
  "Poulsen",
  "Hansen",
];
const ROSTER: EmployeeRef[] = FIRST.map((first, i) => ({
  id: `e${i + 1}`,
  name: `${first} ${LAST[i]}`,
}));

// Comments are one language each, as survey answers are: 70% Danish, 30% English.
const DANISH = [
  "Jeg ringede til kundeservice i går og ventetiden var alt for lang.",
  "Men {name} der tog telefonen var virkelig sød og hjælpsom.",
  "Tusind tak for hjælpen!",
  "Det var ikke godt nok, og ingen ringede tilbage.",
  "Super venligt personale og kort ventetid 👍",
  "Hvornår åbner borgerservice på mandag?",
  "Sagsbehandlingstiden er under al kritik 😡",
  "Kæmpe ros til {name}, hun reddede min dag.",
  "Alt i alt en helt almindelig oplevelse.",
  "Jeg måtte forklare min sag tre gange, før nogen forstod den.",
];
const ENGLISH = [
  "The staff were friendly, but the queue was ridiculous.",
  "{name} went above and beyond to fix my booking.",
  "Nobody answered my emails for three weeks.",
  "Thanks so much for sorting this out so quickly 🙏",
  "When do you open on Monday?",
  "Not bad at all, much better than last year.",
];

function makeTexts(count: number): string[] {
  const texts: string[] = [];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let n = 0; n < count; n++) {
    const pool = n % 10 < 7 ? DANISH : ENGLISH;
    let text = "";
    while (text.length < 200) {
      const sentence = pool[next() % pool.length] as string;
      text += `${sentence.replace("{name}", FIRST[next() % FIRST.length] as string)} `;
    }
    texts.push(text.slice(0, 200));
  }
  return texts;
}

function createBaseline(): (text: string) => Promise<unknown> {
  const require = createRequire(import.meta.url);
  const { Container } = require("@nlpjs/core");
  const { SentimentAnalyzer } = require("@nlpjs/sentiment");
  const { LangDa } = require("@nlpjs/lang-da");
  const container = new Container();
  container.use(LangDa);
  const analyzer = new SentimentAnalyzer({ container });
  return (text) => analyzer.process({ locale: "da", text });
}

function throughputSync(texts: string[], seconds: number, run: (text: string) => unknown): number {
  for (const text of texts.slice(0, 500)) run(text);
  let done = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    for (const text of texts) run(text);
    done += texts.length;
  }
  return done / ((performance.now() - start) / 1000);
}

async function throughputAsync(
  texts: string[],
  seconds: number,
  run: (text: string) => Promise<unknown>,
): Promise<number> {
  for (const text of texts.slice(0, 500)) await run(text);
  let done = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    for (const text of texts) await run(text);
    done += texts.length;
  }
  return done / ((performance.now() - start) / 1000);
}

const bench: Bench = {
  name: "text",
  dbIndependent: true,
  async run(ctx) {
    const texts = makeTexts(ctx.quick ? 2_000 : 10_000);
    const seconds = ctx.quick ? 1 : 4;
    const matcher = createEmployeeMatcher(ROSTER);
    const baselineRun = createBaseline();
    let mentions = 0;
    const cpuBefore = process.cpuUsage();
    let analysed = 0;
    const value = throughputSync(texts, seconds, (text) => {
      mentions += analyzeText(text, { matcher }).employees.length;
      analysed++;
    });
    const cpu = process.cpuUsage(cpuBefore);
    // Per CPU-second is the per-core figure, robust to a busy machine.
    const perCpuSecond = analysed / ((cpu.user + cpu.system) / 1e6);
    // The baseline's API is async; awaiting it costs it little next to its tokeniser.
    const baseline = await throughputAsync(texts, seconds, baselineRun);
    return [
      {
        name: "text",
        db: "none",
        value: Math.round(value),
        unit: "texts/s",
        baseline: Math.round(baseline),
        ratio: Math.round((value / baseline) * 100) / 100,
        details: {
          textChars: 200,
          rosterSize: ROSTER.length,
          mentionsSeen: mentions,
          textsPerCpuSecond: Math.round(perCpuSecond),
        },
      },
    ];
  },
};

export default bench;
