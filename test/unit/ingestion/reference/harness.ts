import fs from 'node:fs';
import path from 'node:path';

import { NRM_FIRST_RESPONDER_FILE, NRM_POLICE_FORCE_FILE, readNrmQuarterly, type NrmRow } from '../../../../src/ingestion/reference/nrm-files';
import { sharedDataDir } from '../../../../src/ingestion/reference/shared-data';

/**
 * The real source data beside the project (../shared/data, as on CI). These tests fail, naming
 * where they looked, when it is missing: they check our mappings against every value it holds.
 */
export function nrmDir(): string {
  return path.join(sharedDataDir(), 'nrm');
}

export function readNrm(): { firstResponder: NrmRow[]; police: NrmRow[] } {
  const dir = nrmDir();
  return { firstResponder: readNrmQuarterly(dir, NRM_FIRST_RESPONDER_FILE), police: readNrmQuarterly(dir, NRM_POLICE_FORCE_FILE) };
}

export function ctdcFile(name: string): string {
  return fs.readFileSync(path.join(sharedDataDir(), 'ctdc', name), 'utf8');
}

/** ISO codes of the Country nodes migration 0003 creates. */
export function migratedCountryCodes(): Set<string> {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'neo4j', 'migrations', '0003-countries.cypher'), 'utf8');
  return new Set([...text.matchAll(/\{code: '([A-Z]{2})'/g)].map((m) => m[1]!));
}
