/**
 * Every match of a global regex. `String.prototype.matchAll` clones the regex on every
 * call, which costs more than the scan itself on a 200-character text; the guard runs six
 * scans per text, so it reuses each module-level regex instead. Safe because detection
 * is synchronous and never re-enters a detector.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(m);
  return found;
}
