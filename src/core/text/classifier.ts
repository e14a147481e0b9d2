// A multinomial logistic regression over sparse features: the learned layer beside the
// rules. Its weights are trained by scripts/train-text.ts on the labelled fixture sets and
// shipped as a module, so scoring stays pure and needs no I/O.
import type { Features } from "./features";

export const CLASSES = ["positive", "neutral", "negative"] as const;
export type ClassLabel = (typeof CLASSES)[number];

/** What the training script writes: one weight per class for each feature key. */
export type LinearModelData = {
  /** What the model was trained on and how: for the record, not used to score. */
  trainedOn: string[];
  l2: number;
  weights: Record<string, [number, number, number]>;
};

type Triple = readonly [number, number, number];

/** Kinds of feature key, by prefix: the scorer keeps one map per kind, keyed without it. */
export const FeatureKind = { Other: 0, Word: 1, Prefix: 2, Pair: 3 } as const;
export type FeatureKind = (typeof FeatureKind)[keyof typeof FeatureKind];
const KIND_PREFIX = ["", "w:", "p:", "b:"] as const;

/** A word pair's weights, with the pair as one string made once ("tusind tak"). */
type PairEntry = { key: string; weights: Triple };

export type LinearModel = {
  data: LinearModelData;
  weights: Map<string, Triple>;
  /** The same weights split by kind, keyed without the prefix: no string building to score. */
  byKind: [Map<string, Triple>, Map<string, Triple>, Map<string, Triple>];
  /** Word pairs by first word, then second: a pair is scored without joining the two. */
  pairs: Map<string, Map<string, PairEntry>>;
};

export function loadModel(data: LinearModelData): LinearModel {
  const weights = new Map<string, Triple>(Object.entries(data.weights));
  const byKind: LinearModel["byKind"] = [new Map(), new Map(), new Map()];
  const pairs: LinearModel["pairs"] = new Map();
  for (const [key, w] of weights) {
    const kind = KIND_PREFIX.indexOf(key.slice(0, 2) as (typeof KIND_PREFIX)[number]);
    if (kind === FeatureKind.Pair) {
      const pair = key.slice(2);
      const space = pair.indexOf(" ");
      const first = pair.slice(0, space);
      let seconds = pairs.get(first);
      if (!seconds) {
        seconds = new Map();
        pairs.set(first, seconds);
      }
      seconds.set(pair.slice(space + 1), { key: pair, weights: w });
    } else if (kind > 0) byKind[kind as 1 | 2].set(key.slice(2), w);
    else byKind[0].set(key, w);
  }
  return { data, weights, byKind, pairs };
}

/** Where feature extraction sends each feature: a key list (training) or a scorer. */
export interface FeatureSink {
  add(kind: Exclude<FeatureKind, 3>, key: string, value?: number): void;
  /** Two words in a row; neither holds a space. */
  pair(first: string, second: string): void;
}

/** Collects features as prefixed keys ("w:tak", "b:tusind tak"), for training and tests. */
export class FeatureCollector implements FeatureSink {
  readonly keys: string[] = [];
  readonly values: number[] = [];

  /** A key may come twice ("tak ... tak"): a linear model adds the two, as it would a count. */
  add(kind: FeatureKind, key: string, value = 1): void {
    this.keys.push(KIND_PREFIX[kind] + key);
    this.values.push(value);
  }

  pair(first: string, second: string): void {
    this.add(FeatureKind.Pair, `${first} ${second}`);
  }

  features(): Features {
    return { keys: this.keys, values: this.values };
  }
}

/** A word or word pair the model knew, kept for evidence. */
export type Hit = { key: string; weights: Triple; value: number };

/**
 * Scores features as they come, without building keys. Keeps the word and pair hits that
 * `keep` lists (a word never holds a space, a pair always does), for evidence.
 */
export class Scorer implements FeatureSink {
  a = 0;
  b = 0;
  c = 0;
  readonly hits: Hit[] = [];

  constructor(
    private readonly model: LinearModel,
    private readonly keep?: ReadonlySet<string>,
  ) {}

  add(kind: Exclude<FeatureKind, 3>, key: string, value = 1): void {
    const w = this.model.byKind[kind].get(key);
    if (!w) return;
    this.a += w[0] * value;
    this.b += w[1] * value;
    this.c += w[2] * value;
    if (kind === FeatureKind.Word && this.keep?.has(key))
      this.hits.push({ key, weights: w, value });
  }

  pair(first: string, second: string): void {
    const entry = this.model.pairs.get(first)?.get(second);
    if (!entry) return;
    const w = entry.weights;
    this.a += w[0];
    this.b += w[1];
    this.c += w[2];
    if (this.keep?.has(entry.key)) this.hits.push({ key: entry.key, weights: w, value: 1 });
  }

  probabilities(): [number, number, number] {
    return softmax(this.a, this.b, this.c);
  }
}

/** Class probabilities, in CLASSES order. */
export function predictProbabilities(
  model: LinearModel,
  features: Features,
): [number, number, number] {
  let a = 0;
  let b = 0;
  let c = 0;
  const { keys, values } = features;
  for (let i = 0; i < keys.length; i++) {
    const w = model.weights.get(keys[i] as string);
    if (!w) continue;
    const v = values[i] as number;
    a += w[0] * v;
    b += w[1] * v;
    c += w[2] * v;
  }
  return softmax(a, b, c);
}

/** The most likely class; ties go to positive, then negative. */
export function mostLikely(p: readonly [number, number, number]): ClassLabel {
  const [a, b, c] = p;
  return a >= b && a >= c ? "positive" : c > b ? "negative" : "neutral";
}

/** What a feature's weights do for class `k`: its weight over the mean of the other two. */
export function marginFor(w: Triple, k: number): number {
  const own = w[k] as number;
  return own - (w[0] + w[1] + w[2] - own) / 2;
}

export function softmax(a: number, b: number, c: number): [number, number, number] {
  const m = Math.max(a, b, c);
  const ea = Math.exp(a - m);
  const eb = Math.exp(b - m);
  const ec = Math.exp(c - m);
  const s = ea + eb + ec;
  return [ea / s, eb / s, ec / s];
}

/**
 * The hits that pushed most toward `label`, strongest first: the learned evidence. A short
 * list is kept by insertion, as `limit` is small.
 */
export function strongestFor(
  hits: readonly Hit[],
  label: ClassLabel,
  limit: number,
): Array<{ hit: Hit; weight: number }> {
  const k = CLASSES.indexOf(label);
  const out: Array<{ hit: Hit; weight: number }> = [];
  for (const hit of hits) {
    const weight = marginFor(hit.weights, k) * hit.value;
    if (weight <= 0 || (out.length === limit && weight <= (out[limit - 1]?.weight ?? 0))) continue;
    if (out.some((o) => o.hit.key === hit.key)) continue;
    let at = out.length;
    while (at > 0 && (out[at - 1]?.weight ?? 0) < weight) at--;
    out.splice(at, 0, { hit, weight });
    if (out.length > limit) out.pop();
  }
  return out;
}

export type TrainingExample = { features: Features; label: number; weight?: number };

/**
 * Fits the model by full-batch gradient descent with Adam on the mean log loss plus an L2
 * penalty (the bias is not penalised). Deterministic: same examples, same weights.
 */
export function train(
  examples: TrainingExample[],
  opts: { l2: number; epochs: number; learningRate?: number; minCount?: number },
): Record<string, [number, number, number]> {
  const counts = new Map<string, number>();
  for (const e of examples)
    for (const k of e.features.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const minCount = opts.minCount ?? 2;
  const keyIndex = new Map<string, number>();
  for (const [k, n] of counts) if (n >= minCount || k === "bias") keyIndex.set(k, keyIndex.size);
  const dim = keyIndex.size;
  const rows = examples.map((e) => {
    const idx: number[] = [];
    const val: number[] = [];
    e.features.keys.forEach((k, i) => {
      const at = keyIndex.get(k);
      if (at !== undefined) {
        idx.push(at);
        val.push(e.features.values[i] as number);
      }
    });
    return { idx, val, label: e.label, weight: e.weight ?? 1 };
  });
  const biasIndex = keyIndex.get("bias");
  const w = new Float64Array(dim * 3);
  const m = new Float64Array(dim * 3);
  const v = new Float64Array(dim * 3);
  const grad = new Float64Array(dim * 3);
  const lr = opts.learningRate ?? 0.05;
  const totalWeight = rows.reduce((s, r) => s + r.weight, 0);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    grad.fill(0);
    for (const row of rows) {
      let a = 0;
      let b = 0;
      let c = 0;
      for (let j = 0; j < row.idx.length; j++) {
        const o = (row.idx[j] as number) * 3;
        const x = row.val[j] as number;
        a += (w[o] as number) * x;
        b += (w[o + 1] as number) * x;
        c += (w[o + 2] as number) * x;
      }
      const p = softmax(a, b, c);
      const [pa, pb, pc] = p;
      const da = pa - (row.label === 0 ? 1 : 0);
      const db = pb - (row.label === 1 ? 1 : 0);
      const dc = pc - (row.label === 2 ? 1 : 0);
      const scale = row.weight / totalWeight;
      for (let j = 0; j < row.idx.length; j++) {
        const o = (row.idx[j] as number) * 3;
        const x = (row.val[j] as number) * scale;
        grad[o] = (grad[o] as number) + da * x;
        grad[o + 1] = (grad[o + 1] as number) + db * x;
        grad[o + 2] = (grad[o + 2] as number) + dc * x;
      }
    }
    for (let i = 0; i < dim * 3; i++) {
      const feature = Math.floor(i / 3);
      const g = (grad[i] as number) + (feature === biasIndex ? 0 : opts.l2 * (w[i] as number));
      m[i] = 0.9 * (m[i] as number) + 0.1 * g;
      v[i] = 0.999 * (v[i] as number) + 0.001 * g * g;
      const mHat = (m[i] as number) / (1 - 0.9 ** epoch);
      const vHat = (v[i] as number) / (1 - 0.999 ** epoch);
      w[i] = (w[i] as number) - (lr * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  const weights: Record<string, [number, number, number]> = {};
  for (const [k, i] of keyIndex) {
    const r = (x: number) => Math.round(x * 1000) / 1000;
    const triple: [number, number, number] = [
      r(w[i * 3] as number),
      r(w[i * 3 + 1] as number),
      r(w[i * 3 + 2] as number),
    ];
    if (triple.some((x) => x !== 0)) weights[k] = triple;
  }
  return weights;
}
