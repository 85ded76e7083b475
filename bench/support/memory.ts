import fs from 'node:fs';

/** Resident memory of a process (VmRSS from /proc), in MB; null where /proc is not there. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
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
