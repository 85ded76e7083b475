import { PythonRandom } from '../../../../src/analytics/sna/python-random';
import { runPython } from './harness';

const SEEDS = [0, 1, 42, 2 ** 32 - 1, 2 ** 32, 123456789012];

describe('PythonRandom', () => {
  it('draws what CPython random.Random(seed) draws', () => {
    // sample() takes its small-pool branch for 50 items and its set branch for 100000.
    const python = runPython(`
import json, random
out = []
for seed in ${JSON.stringify(SEEDS)}:
    r = random.Random(seed)
    a = list(range(40)); r.shuffle(a)
    out.append([r.getrandbits(32), r.random(), [r.randrange(n) for n in (1, 2, 3, 7, 1000, 2**31 + 5)], a,
                r.sample(range(50), 12), r.sample(range(100000), 20), r.sample(range(9), 3)])
print(json.dumps(out))`);
    const ours = SEEDS.map((seed) => {
      const r = new PythonRandom(seed);
      const a = Array.from({ length: 40 }, (_, i) => i);
      r.shuffle(a);
      const range = (n: number) => Array.from({ length: n }, (_, i) => i);
      return [
        r.nextUint32(),
        r.random(),
        [1, 2, 3, 7, 1000, 2 ** 31 + 5].map((n) => r.randBelow(n)),
        a,
        r.sample(range(50), 12),
        r.sample(range(100000), 20),
        r.sample(range(9), 3),
      ];
    });
    expect(ours).toEqual(JSON.parse(python));
  });

  it('refuses seeds CPython would read differently', () => {
    expect(() => new PythonRandom(-1)).toThrow(/seed/);
    expect(() => new PythonRandom(1.5)).toThrow(/seed/);
  });

  it('refuses a sample larger than the population', () => {
    expect(() => new PythonRandom(0).sample([1, 2, 3], 4)).toThrow(/sample size/);
  });
});
