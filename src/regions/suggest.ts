/** Levenshtein distance over code points (so `华南3（广州）` counts one per character). */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= y.length; j += 1) {
      const sub = (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub));
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/** Folds case and width (`（` → `(`, full-width letters → ASCII) before comparing. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The candidates closest to `word`, at most `limit`, best first, ties in candidate order. Distance is the
 * edit distance after folding case and width; a candidate containing the word, or contained in it, counts
 * as 1. Candidates farther than max(2, a quarter of the word's length), or more than one edit farther than
 * the best, are noise and left out.
 */
export function closestMatches(word: string, candidates: readonly string[], limit = 3): string[] {
  const w = fold(word);
  const threshold = Math.max(2, Math.floor(Array.from(w).length / 4));
  const scored: { candidate: string; score: number; order: number }[] = [];
  const seen = new Set<string>();
  candidates.forEach((candidate, order) => {
    if (seen.has(candidate)) return;
    seen.add(candidate);
    const c = fold(candidate);
    let score = editDistance(w, c);
    if (w.length >= 3 && c.length >= 3 && (c.includes(w) || w.includes(c))) {
      score = Math.min(score, 1);
    }
    if (score <= threshold) scored.push({ candidate, score, order });
  });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => s.score <= best + 1)
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** `'a', 'b' or 'c'`: a list of quoted words for a one-line message. */
export function quoteList(words: readonly string[], conjunction = 'or'): string {
  const q = words.map((w) => `'${w}'`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1] ?? ''}`;
}
