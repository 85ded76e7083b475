import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A new folder for a test's files (a CLI's data folder, an import's CSV): `prefix` + random, under
 * the integration run's temporary folder (MSHT_TEST_TMP, made by the global setup and removed by
 * the global teardown), so that test runs leave nothing behind.
 */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(process.env.MSHT_TEST_TMP ?? os.tmpdir(), prefix));
}
