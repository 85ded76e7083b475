/**
 * Equality of normalised answers, with a readable diff: the paths where two answers differ and
 * the values on each side (lists compared as lists; the normalisers have sorted them).
 */

/** JSON with object keys sorted, so equal values print equal. */
export function canonical(x: unknown): string {
  return JSON.stringify(sortKeys(x));
}

function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === 'object') {
    return Object.fromEntries(
      Object.keys(x)
        .sort()
        .map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]),
    );
  }
  return x === undefined ? null : x;
}

const show = (x: unknown) => {
  const s = canonical(x);
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
};

/** The differences between `a` and `b`, as "path: a ≠ b" lines (empty when equal); at most `max`. */
export function diffAnswers(a: unknown, b: unknown, max = 12, path = '$'): string[] {
  const out: string[] = [];
  walk(a, b, path, out, max);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: string[], max: number): void {
  if (out.length >= max) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.every((x) => typeof x !== 'object') && b.every((x) => typeof x !== 'object')) {
      const sa = new Set(a.map((x) => canonical(x)));
      const sb = new Set(b.map((x) => canonical(x)));
      const onlyA = [...sa].filter((x) => !sb.has(x));
      const onlyB = [...sb].filter((x) => !sa.has(x));
      if (onlyA.length || onlyB.length) {
        out.push(`${path}: ${a.length} vs ${b.length} items; only in the first: ${show(onlyA.slice(0, 5))}; only in the second: ${show(onlyB.slice(0, 5))}`);
      } else if (canonical(a) !== canonical(b)) {
        out.push(`${path}: same items in another order or count`);
      }
      return;
    }
    if (a.length !== b.length) out.push(`${path}: ${a.length} vs ${b.length} items`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, out, max);
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, max);
    return;
  }
  if (canonical(a) !== canonical(b)) out.push(`${path}: ${show(a)} ≠ ${show(b)}`);
}
