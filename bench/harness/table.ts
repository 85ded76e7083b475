import type { BenchResult, PointResult, WorkloadResult } from './results';
import { growth, pointRatios, TARGETS, workloadVerdicts, type GrowthRow } from './targets';

/** Tables of a run: for the console (figures, ratios, targets met or not) and for bench/README.md. */

const num = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '–' : x.toFixed(digits));
const mark = (met: boolean | null) => (met === null ? '' : met ? ' ✓' : ' ✗');
const pad = (s: string, n: number) => s.padStart(n);

function ratioCell(value: number | null, met: boolean | null): string {
  return value === null ? '–' : `${value.toFixed(2)}${mark(met)}`;
}

/** CPU ms per request: the system's process / Neo4j's. */
function cpuCell(p: PointResult): string {
  const c = p.cpuMsPerRequest;
  return c ? `${num(c.system, 2)}/${num(c.neo4j, 2)}` : '–';
}

function pointLine(p: PointResult): string {
  return [
    pad(String(p.connections), 5),
    ` ${p.system.padEnd(6)}`,
    pad(num(p.throughput), 9),
    pad(num(p.latencyMs.p50), 8),
    pad(num(p.latencyMs.p95), 8),
    pad(num(p.latencyMs.p99), 8),
    pad(String(p.errors), 7),
    pad(num(p.cypherPerRequest, 2), 8),
    pad(p.rssMb ? `${p.rssMb.peak.toFixed(0)}/${p.rssMb.mean.toFixed(0)}` : '–', 10),
    pad(cpuCell(p), 14),
  ].join('');
}

/** One workload's figures and ratios, as printed after it is measured. */
export function formatWorkload(w: WorkloadResult): string {
  const lines = [`(${w.letter}) ${w.title}${w.peerCannot ? '   [peer: cannot express it]' : ''}`];
  lines.push(`${pad('conn', 5)} ${'system'.padEnd(6)}${pad('req/s', 9)}${pad('p50 ms', 8)}${pad('p95 ms', 8)}${pad('p99 ms', 8)}${pad('errors', 7)}${pad('cypher', 8)}${pad('RSS MB', 10)}${pad('CPU ms sys/db', 14)}`);
  const ratios = pointRatios(w);
  for (const r of ratios) {
    for (const p of w.points.filter((x) => x.connections === r.connections)) lines.push(pointLine(p));
    const parts: string[] = [];
    if (r.limit) {
      parts.push(`ours/limit: throughput ${ratioCell(r.limit.throughput, r.limit.throughput === null ? null : r.limit.throughput >= TARGETS.limitThroughput)}`);
      parts.push(`p50 ${ratioCell(r.limit.p50, r.limit.p50 === null ? null : r.limit.p50 <= TARGETS.limitP50)}`);
    }
    if (r.peer) {
      parts.push(`ours/peer: throughput ${ratioCell(r.peer.throughput, r.peer.throughput === null ? null : r.peer.throughput >= TARGETS.peerThroughput)}`);
      parts.push(`p99 ${ratioCell(r.peer.p99, r.peer.p99 === null ? null : r.peer.p99 <= TARGETS.peerP99)}`);
    }
    if (parts.length) lines.push(`${' '.repeat(12)}${parts.join('   ')}`);
  }
  const cy = w.check.cypher;
  lines.push(
    `${' '.repeat(12)}Cypher per request: ours ${num(cy.ours?.max, 0)} (target ≤ ${w.roundTrips}${mark(cy.ours ? cy.ours.max <= w.roundTrips : null)}), limit ${num(cy.limit?.max, 0)}, peer ${cy.peer ? num(cy.peer.max, 0) : '–'}`,
  );
  return lines.join('\n');
}

/** The summary: one row per workload and concurrency, ratios with the targets. */
export function formatSummary(r: BenchResult): string {
  const lines = [
    `ratios (targets: ours/limit throughput ≥ ${TARGETS.limitThroughput}, p50 ≤ ${TARGETS.limitP50}; ours/peer throughput ≥ ${TARGETS.peerThroughput}, p99 ≤ ${TARGETS.peerP99}; service RSS < ${TARGETS.memoryMb} MB)`,
    `${'workload'.padEnd(22)}${pad('conn', 5)}${pad('thr/limit', 11)}${pad('p50/limit', 11)}${pad('thr/peer', 10)}${pad('p99/peer', 10)}${pad('cypher', 8)}${pad('RSS MB', 8)}`,
  ];
  for (const w of r.workloads) {
    for (const x of pointRatios(w)) {
      const ours = w.points.find((p) => p.system === 'ours' && p.connections === x.connections);
      lines.push(
        [
          `(${w.letter}) ${w.key}`.padEnd(22),
          pad(String(x.connections), 5),
          pad(x.limit ? ratioCell(x.limit.throughput, x.limit.throughput === null ? null : x.limit.throughput >= TARGETS.limitThroughput) : '–', 11),
          pad(x.limit ? ratioCell(x.limit.p50, x.limit.p50 === null ? null : x.limit.p50 <= TARGETS.limitP50) : '–', 11),
          pad(x.peer ? ratioCell(x.peer.throughput, x.peer.throughput === null ? null : x.peer.throughput >= TARGETS.peerThroughput) : 'n/a', 10),
          pad(x.peer ? ratioCell(x.peer.p99, x.peer.p99 === null ? null : x.peer.p99 <= TARGETS.peerP99) : 'n/a', 10),
          pad(num(ours?.cypherPerRequest, 2), 8),
          pad(ours?.rssMb ? ours.rssMb.peak.toFixed(0) : '–', 8),
        ].join(''),
      );
    }
  }
  const verdicts = r.workloads.flatMap((w) => workloadVerdicts(w).map((v) => ({ ...v, w })));
  const missed = verdicts.filter((v) => v.met === false);
  lines.push(`targets: ${verdicts.filter((v) => v.met === true).length} met, ${missed.length} missed${missed.length ? ':' : ''}`);
  for (const v of missed) lines.push(`  (${v.w.letter}) ${v.name}: ${num(v.value, 2)} (target ${v.target})`);
  return lines.join('\n');
}

/** The run as markdown tables for bench/README.md: absolute figures, then ratios. */
export function formatMarkdown(r: BenchResult): string {
  const head = `Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC at \`${r.scale}\` (${r.world.persons.toLocaleString('en-GB')} persons, ${r.world.nodes.toLocaleString('en-GB')} nodes, ${r.world.relationships.toLocaleString('en-GB')} relationships), ${r.options.durationS} s per point after ${r.options.warmupS} s of warm-up${settleNote(r)}; ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB RAM, load average ${r.machine.loadBefore.map((x) => x.toFixed(2)).join(' ')} before and ${r.machine.loadAfter.map((x) => x.toFixed(2)).join(' ')} after.`;
  const figures = [
    '| workload | conn | system | req/s | p50 ms | p95 ms | p99 ms | errors | Cypher/req | RSS MB peak/mean | CPU ms/req system/Neo4j |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const w of r.workloads) {
    for (const p of w.points) {
      figures.push(
        `| (${w.letter}) ${w.key} | ${p.connections} | ${p.system} | ${num(p.throughput)} | ${num(p.latencyMs.p50)} | ${num(p.latencyMs.p95)} | ${num(p.latencyMs.p99)} | ${p.errors} | ${num(p.cypherPerRequest, 2)} | ${p.rssMb ? `${p.rssMb.peak.toFixed(0)}/${p.rssMb.mean.toFixed(0)}` : '–'} | ${cpuCell(p)} |`,
      );
    }
  }
  const ratios = ['| workload | conn | ours/limit req/s (≥ 0.8) | ours/limit p50 (≤ 1.25) | ours/peer req/s (≥ 1.5) | ours/peer p99 (≤ 1) |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const w of r.workloads) {
    for (const x of pointRatios(w)) {
      ratios.push(
        `| (${w.letter}) ${w.key} | ${x.connections} | ${x.limit ? ratioCell(x.limit.throughput, x.limit.throughput === null ? null : x.limit.throughput >= TARGETS.limitThroughput) : '–'} | ${x.limit ? ratioCell(x.limit.p50, x.limit.p50 === null ? null : x.limit.p50 <= TARGETS.limitP50) : '–'} | ${x.peer ? ratioCell(x.peer.throughput, x.peer.throughput === null ? null : x.peer.throughput >= TARGETS.peerThroughput) : 'n/a'} | ${x.peer ? ratioCell(x.peer.p99, x.peer.p99 === null ? null : x.peer.p99 <= TARGETS.peerP99) : 'n/a'} |`,
      );
    }
  }
  return [head, '', figures.join('\n'), '', ratios.join('\n')].join('\n');
}

/** The scale curve as markdown: our p50 at one connection per scale, and the growth target. */
export function formatGrowth(rows: readonly GrowthRow[], scales: readonly string[]): string {
  const lines = [`| workload | ${scales.map((s) => `p50 ms at ${s}`).join(' | ')} | ${scales[scales.length - 1]} / ${scales[0]} (≤ ${TARGETS.growthP50} if bounded) |`, `| --- | ${scales.map(() => '---:').join(' | ')} | ---: |`];
  for (const r of rows) {
    lines.push(`| (${r.letter}) ${r.key}${r.bounded ? '' : ' (unbounded)'} | ${scales.map((s) => num(r.p50[s])).join(' | ')} | ${r.growth === null ? '–' : `${r.growth.toFixed(2)}${mark(r.met)}`} |`);
  }
  return lines.join('\n');
}

export { growth };

function settleNote(r: BenchResult): string {
  const j = r.options.settle;
  if (!j) return '';
  return `, all after ${Math.round(j.seconds)} s of load to settle Neo4j's JIT (its compiler then at ${j.compilerShare === null ? '?' : `${Math.round(j.compilerShare * 100)}%`} of a core)`;
}
