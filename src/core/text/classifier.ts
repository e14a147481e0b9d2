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

export type LinearModel = {
  data: LinearModelData;
  weights: Map<string, readonly [number, number, number]>;
};

export function loadModel(data: LinearModelData): LinearModel {
  return { data, weights: new Map(Object.entries(data.weights)) };
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

export function softmax(a: number, b: number, c: number): [number, number, number] {
  const m = Math.max(a, b, c);
  const ea = Math.exp(a - m);
  const eb = Math.exp(b - m);
  const ec = Math.exp(c - m);
  const s = ea + eb + ec;
  return [ea / s, eb / s, ec / s];
}

/** The features that pushed most toward `label`, strongest first: the learned evidence. */
export function strongestFor(
  model: LinearModel,
  features: Features,
  label: ClassLabel,
  limit: number,
): Array<{ key: string; weight: number }> {
  const k = CLASSES.indexOf(label);
  const out: Array<{ key: string; weight: number }> = [];
  for (let i = 0; i < features.keys.length; i++) {
    const key = features.keys[i] as string;
    const w = model.weights.get(key);
    if (!w) continue;
    const v = features.values[i] as number;
    // Margin over the mean of the other two classes: what this feature did for `label`.
    const others = (w[0] + w[1] + w[2] - (w[k] as number)) / 2;
    const weight = ((w[k] as number) - others) * v;
    if (weight > 0) out.push({ key, weight });
  }
  out.sort((x, y) => y.weight - x.weight);
  return out.slice(0, limit);
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
