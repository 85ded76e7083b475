import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__mshtTestNeo4j?.dispose();
  if (globalThis.__mshtTestTmp) fs.rmSync(globalThis.__mshtTestTmp, { recursive: true, force: true });
}
