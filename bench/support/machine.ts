import fs from 'node:fs';
import os from 'node:os';

import type { MachineInfo } from '../harness/results';

/** The machine the figures come from (CPU model from /proc/cpuinfo where there is one). */
export function machineInfo(): Omit<MachineInfo, 'loadAfter'> {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1]!.trim();
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    cpus: os.cpus().length,
    cpuModel,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadBefore: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function loadAverage(): number[] {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}
