import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Resident memory and CPU time of processes, from /proc (Linux); null where it is not there. */

/** Resident memory (VmRSS), in MB. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User plus system CPU time a process has used so far, in ms. */
export function cpuMs(pid: number): number | null {
  try {
    return (statTicks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/** A `stat` line's command (or thread) name, in the parentheses. */
function statName(stat: string): string {
  return stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
}

/** A `stat` line's user plus system CPU, in clock ticks. */
function statTicks(stat: string): number {
  // Fields after the name (which may hold spaces) start at state; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * CPU time used so far by a JVM's JIT compiler threads (HotSpot names them "C1 CompilerThread<n>"
 * and "C2 CompilerThread<n>"; /proc shortens thread names to 15 characters), in ms.
 */
export function compilerCpuMs(pid: number): number | null {
  try {
    let ticks = 0;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      } catch {
        continue; // the thread ended meanwhile
      }
      if (/^C[12] CompilerThre/.test(statName(stat))) ticks += statTicks(stat);
    }
    return (ticks * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/** Samples a process's resident memory every `everyMs` until stopped; peak and mean. */
export function watchMemory(pid: number, everyMs = 200): { stop(): { peak: number; mean: number } | null } {
  const samples: number[] = [];
  const take = () => {
    const mb = rssMb(pid);
    if (mb !== null) samples.push(mb);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      if (samples.length === 0) return null;
      return { peak: Math.max(...samples), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
    },
  };
}
