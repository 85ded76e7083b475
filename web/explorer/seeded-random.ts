/**
 * Random numbers that depend only on the data, so the link chart draws the same picture for the
 * same elements: an analyst who lays out a chart for a report, or lays it out again, gets the
 * places they saw before. fCoSE draws its starting places and its spectral samples from
 * Math.random; the layout runs synchronously (animate: false), so swapping Math.random for the
 * length of the run covers all of it.
 */

/** A 32-bit seed from strings, whatever their order (FNV-1a over the sorted strings). */
export function seedOf(keys: Iterable<string>): number {
  let h = 0x811c9dc5;
  for (const key of [...keys].sort()) {
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0xffff; // between keys, so ['ab', 'c'] and ['a', 'bc'] seed differently
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs a synchronous `fn` with Math.random drawn from `rng`, then puts Math.random back. */
export function withRandom<T>(rng: () => number, fn: () => T): T {
  const original = Math.random;
  Math.random = rng;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
