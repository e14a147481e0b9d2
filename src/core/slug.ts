const danish: Record<string, string> = { æ: "ae", ø: "oe", å: "aa", Æ: "ae", Ø: "oe", Å: "aa" };

/** "Demo Kommune" -> "demo-kommune"; Danish letters spelled out, other accents dropped. */
export function slugify(text: string): string {
  const slug = text
    .replace(/[æøåÆØÅ]/g, (c) => danish[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug || "org";
}
