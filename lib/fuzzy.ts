/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The words within `maxDistance` edits of `word`, nearest first, at most `limit` of them. */
export function nearWords(word: string, words: readonly string[], maxDistance: number, limit: number): string[] {
  return words
    .map((candidate) => ({ candidate, distance: editDistance(word, candidate, maxDistance) }))
    .filter(({ distance }) => distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** The known name closest to a misspelt one, if it is close enough to be a typo. */
export function closest(word: string, names: readonly string[]): string | undefined {
  const maxDistance = Math.max(2, Math.floor(word.length / 4));
  return nearWords(word.toLowerCase(), names.map((name) => name.toLowerCase()), maxDistance, 1)
    .map((lower) => names.find((name) => name.toLowerCase() === lower)!)
    .at(0);
}
