import { StreamProgress } from '../../../src/ingestion/progress';

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, columns: 200, write: (x: string) => out.push(x) } };
}

describe('StreamProgress', () => {
  it('writes plain lines with rows and relationships per second when not on a terminal', () => {
    let now = 0;
    const { out, s } = stream(false);
    const p = new StreamProgress(s, () => now, 5000);
    p.start('import x.csv', { items: 1000, rows: 500 });
    now = 1000;
    p.advance({ nodes: 200, relationships: 0 });
    now = 6000;
    p.advance({ nodes: 0, relationships: 600 });
    now = 8000;
    p.finish();
    expect(out[0]).toBe('import x.csv: 500 rows, 1,000 items to write\n');
    expect(out[1]).toBe('import x.csv:  80.0%  400/500 rows 67 rows/s  200 nodes, 600 relationships 100 rels/s  6.0 s\n');
    expect(out[2]).toMatch(/\(done\)\n$/);
    expect(out.some((l) => l.includes('\r'))).toBe(false);
  });

  it('redraws one line in place with a bar on a terminal', () => {
    let now = 0;
    const { out, s } = stream(true);
    const p = new StreamProgress(s, () => now);
    p.start('seed', { items: 100, rows: 0 });
    now = 500;
    p.advance({ nodes: 50, relationships: 0 });
    p.finish();
    expect(out[0]).toMatch(/^\r\[=+>? *\] seed:  50\.0%/);
    expect(out.at(-1)).toBe('\n');
  });
});
