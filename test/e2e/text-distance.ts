// Character error rate for browser tests: edit distance over the reference length, after a
// fold each test chooses (what it does not count: spaces, bidi marks…).
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    prev = cur;
  }
  return prev[b.length]!;
}

export const cerWith = (fold: (s: string) => string) => (hyp: string, ref: string) => editDistance(fold(hyp), fold(ref)) / fold(ref).length;
