// Throughput of the personal-data and abuse guard on realistic 200-character feedback,
// beside the cheapest thing that could pass for a CPR check: one bare regex scan.
// value = texts/s of guardText(text, "wall"); baseline = texts/s of /\d{6}[- ]?\d{4}/g
// over the same corpus; ratio = value / baseline (higher is better, at most about 1).
// Both are per second of process CPU time, i.e. per core. About three texts in four of
// the corpus contain something to hide, far more than real feedback, so the figure errs
// on the slow side.
import { guardText } from "../src/core/guard/index";
import type { Bench, BenchResult } from "./types";

const openings = [
  "Tak til Julie i borgerservice, hun huskede min kones fødselsdag og fandt løsningen med det samme.",
  "Jeg ventede kun fem minutter, og medarbejderen forklarede alt om mit nye pas meget tydeligt.",
  "Det var pisse godt klaret af teamet på rådhuset, tusind tak for hjælpen i dag!",
  "Ventetiden var alt for lang, og ingen svarede på min mail om sagen før fredag.",
  "Great service at the front desk, Mads was friendly and fixed my parking permit in minutes.",
  "Chaufføren ventede på mig ved stoppestedet, selv om bussen var forsinket. Sådan!",
  "Hjemmeplejen er fantastisk, men tiderne skifter hele tiden, og det er svært for min far.",
  "Skattefar svarede hurtigt og med humor, jeg fik styr på årsopgørelsen samme aften.",
];
const extras = [
  "Ring gerne på 28 91 04 33 hvis I har spørgsmål.",
  "Mit CPR er 010190-1234, kan I tjekke det?",
  "Skriv til mette.jensen@gmail.com hvis noget mangler.",
  "Jeg bor på Vestergade 12B, 2. tv., 8000 Aarhus C.",
  "Pengene kan sendes til reg. 1234 konto 1234567890.",
  "Det system er noget lort, undskyld sproget.",
  "Sagen har nummer 2023-123456 og mødet er 12-05-2023 kl. 12:30.",
  "Beløbet på 1.234,50 kr er betalt.",
  "Tak igen, og hav en god weekend allesammen.",
  "Julie og Mads fortjener en stor ros fra hele familien.",
  "Jeg giver 10 ud af 10, det bedste besøg i år.",
  "Næste gang vil jeg gerne have en tid om formiddagen.",
];

/** Small deterministic PRNG (mulberry32), so every run measures the same corpus. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Texts of exactly 200 characters: an opening, then extras until long enough. */
export function buildCorpus(size: number): string[] {
  const next = random(42);
  const pick = (list: string[]) => list[Math.floor(next() * list.length)] ?? "";
  const corpus: string[] = [];
  for (let i = 0; i < size; i++) {
    let text = pick(openings);
    while (text.length < 200) text += ` ${pick(extras)}`;
    // A JSON round trip gives a flat string, as a parsed HTTP body would be; a sliced
    // concatenation is slower to read character by character and would skew the figure.
    corpus.push(JSON.parse(JSON.stringify(text.slice(0, 200))) as string);
  }
  return corpus;
}

/** CPU time of this process in milliseconds (user + system). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Texts per second of CPU time for `fn` over the corpus, looping for about `ms` ms of CPU.
 * CPU time, not wall time, because the target is per core and a shared machine's other
 * processes would otherwise be counted against us.
 */
function throughput(corpus: string[], ms: number, fn: (text: string) => unknown): number {
  let sink = 0;
  let count = 0;
  const start = cpuMs();
  let elapsed = 0;
  while (elapsed < ms) {
    for (const text of corpus) {
      if (fn(text)) sink++;
    }
    count += corpus.length;
    elapsed = cpuMs() - start;
  }
  // Keep the results alive so the loop cannot be optimised away.
  if (sink < 0) console.log(sink);
  return (count / elapsed) * 1000;
}

const cprLike = /\d{6}[- ]?\d{4}/g;

function bareScan(text: string): number {
  let n = 0;
  cprLike.lastIndex = 0;
  while (cprLike.exec(text)) n++;
  return n + 1;
}

const bench: Bench = {
  name: "guard",
  dbIndependent: true,
  async run({ quick }): Promise<BenchResult[]> {
    const corpus = buildCorpus(1000);
    const ms = quick ? 800 : 4000;
    // Warm-up: let the JIT compile both paths before timing.
    throughput(corpus, quick ? 150 : 500, (t) => guardText(t, "wall"));
    throughput(corpus, quick ? 50 : 200, bareScan);
    const value = throughput(corpus, ms, (t) => guardText(t, "wall"));
    const baseline = throughput(corpus, ms / 4, bareScan);
    const withFindings = corpus.filter((t) => guardText(t, "wall").findings.length > 0).length;
    return [
      {
        name: "guard.wall.texts_per_s",
        db: "none",
        value: Math.round(value),
        unit: "texts/s",
        baseline: Math.round(baseline),
        ratio: Number((value / baseline).toFixed(4)),
        details: {
          textLength: 200,
          corpus: corpus.length,
          textsWithFindings: withFindings,
          microsPerText: Number((1e6 / value).toFixed(2)),
          clock: "process CPU time (user + system)",
          target: "50000 texts/s per core",
        },
      },
    ];
  },
};

export default bench;
