// A short confetti burst from both sides when a promoter arrives. It runs on its own canvas
// (pointer-events: none), is over in under two seconds, stays off for reduced motion and
// fires at most once every few seconds however many answers arrive at once.
import confetti from "canvas-confetti";
import { byId } from "./dom";

const minGapMs = 3_000;
const maxMs = 2_000;
let lastAt = 0;
let cannon: confetti.CreateTypes | null = null;

export function celebrate(colours: string[]): void {
  const now = Date.now();
  if (now - lastAt < minGapMs) return;
  lastAt = now;
  cannon ??= confetti.create(byId<HTMLCanvasElement>("confetti"), {
    resize: true,
    useWorker: false,
    disableForReducedMotion: true,
  });
  const shared = {
    particleCount: 70,
    spread: 55,
    startVelocity: 58,
    ticks: 100, // ~1.7 s at 60 fps
    gravity: 1.2,
    scalar: 1.15,
    colors: colours,
    disableForReducedMotion: true,
  };
  void cannon({ ...shared, angle: 60, origin: { x: -0.02, y: 0.8 } });
  void cannon({ ...shared, angle: 120, origin: { x: 1.02, y: 0.8 } });
  // The bursts fade out by themselves in ~1.7 s at 60 fps; on a slow TV that drops frames
  // they would linger, so they are cleared after two seconds whatever the frame rate.
  const current = cannon;
  window.setTimeout(() => current.reset(), maxMs);
}
