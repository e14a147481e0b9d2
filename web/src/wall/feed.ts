// The live feed of promoter cards: newest first, only as many as fit on the screen (the
// rest are kept but not shown, so a hidden card can make room for an older one).
import type { WallEvent } from "./api";
import { h, heart, prefersReducedMotion, setText } from "./dom";
import { relativeTime } from "./format";
import type { Strings } from "./strings";

/** Cards kept in memory; far more than fit on any screen. */
const maxItems = 40;
/** How long a new card keeps its glow. */
const freshMs = 12_000;

type Entry = { event: WallEvent; li: HTMLLIElement; time: HTMLTimeElement };

export class Feed {
  private entries: Entry[] = [];
  private strings: Strings;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly empty: HTMLElement,
    strings: Strings,
  ) {
    this.strings = strings;
    window.addEventListener("resize", () => this.fit());
  }

  has(id: string): boolean {
    return this.entries.some((e) => e.event.id === id);
  }

  get size(): number {
    return this.entries.length;
  }

  /** A new promoter, live: on top, with the entrance animation. */
  add(event: WallEvent): void {
    const entry = this.create(event);
    this.entries.unshift(entry);
    if (!prefersReducedMotion()) {
      entry.li.classList.add("entering", "fresh");
      const { li } = entry;
      const settle = (e: AnimationEvent) => {
        if (e.target !== li) return; // the card's own pop bubbles up too
        li.classList.remove("entering");
        li.removeEventListener("animationend", settle);
      };
      li.addEventListener("animationend", settle);
      window.setTimeout(() => entry.li.classList.remove("fresh"), freshMs);
    }
    this.list.prepend(entry.li);
    this.trim();
    this.fit();
  }

  remove(id: string): void {
    const index = this.entries.findIndex((e) => e.event.id === id);
    const entry = this.entries[index];
    if (!entry) return;
    this.entries.splice(index, 1);
    const { li } = entry;
    if (prefersReducedMotion() || li.classList.contains("off")) {
      li.remove();
      this.fit();
      return;
    }
    li.classList.add("leaving");
    let gone = false;
    const done = () => {
      if (gone) return;
      gone = true;
      li.remove();
      this.fit();
    };
    li.addEventListener("animationend", (e) => e.target === li && done(), { once: false });
    window.setTimeout(done, 900); // in case the animation never runs (hidden tab)
  }

  /** Replaces the whole list (first load, or after a reconnect) without animation. */
  replace(events: WallEvent[]): void {
    const keep = new Map(this.entries.map((e) => [e.event.id, e]));
    this.entries = events
      .slice(0, maxItems)
      .map((event) => keep.get(event.id) ?? this.create(event));
    const wanted = new Set(this.entries.map((e) => e.li));
    for (const [, entry] of keep) if (!wanted.has(entry.li)) entry.li.remove();
    this.entries.forEach((entry, i) => {
      if (this.list.children[i] !== entry.li)
        this.list.insertBefore(entry.li, this.list.children[i] ?? null);
    });
    this.fit();
  }

  events(): WallEvent[] {
    return this.entries.map((e) => e.event);
  }

  refreshTimes(now = Date.now()): void {
    for (const { event, time } of this.entries)
      setText(time, relativeTime(event.at, now, this.strings));
  }

  /** Shows the newest cards that fit completely; never a half card, never a scrollbar. */
  fit(): void {
    this.empty.hidden = this.entries.length > 0;
    const style = getComputedStyle(this.list);
    const px = (value: string) => Number.parseFloat(value) || 0;
    const room = this.list.clientHeight - px(style.paddingTop) - px(style.paddingBottom);
    const gap = px(style.rowGap);
    let used = 0;
    let full = false;
    for (const { li } of this.entries) {
      li.classList.remove("tight");
      if (!full) {
        li.classList.remove("off");
        // The card itself, not its clip: a card that is still growing in counts at full size.
        const card = li.querySelector(".card") as HTMLElement;
        let height = card.offsetHeight;
        if (used + height > room + 0.5) {
          // The last card may still fit with its comment cut to fewer lines.
          li.classList.add("tight");
          height = card.offsetHeight;
        }
        if (used + height > room + 0.5) {
          li.classList.remove("tight");
          full = true;
        } else used += height + gap;
      }
      if (full) li.classList.add("off");
    }
  }

  private trim(): void {
    for (const entry of this.entries.splice(maxItems)) entry.li.remove();
  }

  private create(event: WallEvent): Entry {
    const s = this.strings;
    const where = event.touchpoint ?? event.team;
    const quote = event.comment
      ? h("p", "card-text quote", s.quote(event.comment))
      : h("p", "card-text plain", s.scoreFor(event.score, where));

    const score = h("div", `score${event.score >= 10 ? " ten" : ""}`, String(event.score));
    score.setAttribute("role", "img");
    score.setAttribute("aria-label", s.scoreLabel(event.score));

    const thanks =
      event.employee && h("p", "card-thanks", s.thanks(event.employee), heart("heart"));

    const time = h("time", "card-time", relativeTime(event.at, Date.now(), s));
    time.dateTime = new Date(event.at).toISOString();
    const meta = h("p", "card-meta");
    // Without a comment the touchpoint (or team) is the card's text: no need to repeat it.
    const labels = new Set([event.touchpoint, event.team]);
    if (!event.comment) labels.delete(where);
    for (const label of labels) if (label) meta.append(h("span", "chip", label));
    meta.append(time);

    const card = h(
      "article",
      "card",
      score,
      h("div", "card-body", quote, h("div", "card-foot", thanks, meta)),
    );
    const li = h("li", "card-item", h("div", "card-clip", card));
    li.dataset.id = event.id;
    return { event, li, time };
  }
}
