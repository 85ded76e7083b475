import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Principal, Role } from '../../../src/auth/principal';
import type { HandlingCode } from '../../../src/domain/provenance';
import { downloadAccessOf, mayDownload, type DownloadAccess } from '../../../src/exports/download-access';
import type { ExportPackage } from '../../../src/exports/export-package';
import { ExportStore } from '../../../src/exports/export-store';
import { toJson } from '../../../src/exports/json-export';
import { exportFixture } from '../../fixtures/export-fixture';

function who(subject: string, roles: Role[], clearance: HandlingCode = 'H0', ukConditional = false): Principal {
  return { subject, agency: 'NCA', roles, clearance, ukConditional };
}

const CREATOR = who('liaison-1', ['LIAISON', 'VICTIM_DATA_OFFICER'], 'H3', true);

/** The fixture with nothing left out, H0/P only, and its victim and phones as a victim-data officer exports them. */
function plainPackage(over: Partial<ExportPackage['manifest']> = {}): ExportPackage {
  const pkg = exportFixture();
  const nodes = pkg.subgraph.nodes.filter((n) => n.type === 'Operation' || n.type === 'Business');
  return {
    manifest: { ...pkg.manifest, packageHandling: { handling: 'H0', ukHandling: 'P' }, leftOut: [], pseudonymised: false, ...over },
    subgraph: { ...pkg.subgraph, nodes, edges: [] },
  };
}

describe('downloadAccessOf', () => {
  it('takes the handling the package carries, not the creator’s clearance, when nothing is counted as left out', () => {
    expect(downloadAccessOf(plainPackage(), CREATOR)).toEqual({ handling: 'H0', ukConditional: false, victimData: false });
    expect(downloadAccessOf(plainPackage({ packageHandling: { handling: 'H3', ukHandling: 'C' } }), CREATOR)).toEqual({ handling: 'H3', ukConditional: true, victimData: false });
    // The node budget's note counts nothing.
    expect(downloadAccessOf(plainPackage({ leftOut: [{ reason: 'the node budget stopped the traversal early', nodes: 0, edges: 0 }] }), CREATOR).handling).toBe('H0');
  });

  it('needs the creator’s clearance when the manifest counts left-out items (their existence is only visible to that clearance)', () => {
    const pkg = plainPackage({ leftOut: [{ reason: "H2 material without the provider's consent", nodes: 0, edges: 1 }] });
    expect(downloadAccessOf(pkg, CREATOR)).toEqual({ handling: 'H3', ukConditional: true, victimData: false });
    expect(downloadAccessOf(pkg, who('liaison-2', ['LIAISON'], 'H2'))).toEqual({ handling: 'H2', ukConditional: false, victimData: false });
  });

  it('marks victim data only when the creator could see it and the package holds a victim or an identifier', () => {
    const pkg = exportFixture();
    const unredacted: ExportPackage = { ...pkg, subgraph: { ...pkg.subgraph, nodes: pkg.subgraph.nodes.map((n) => ({ ...n, redacted: false })) } };
    expect(downloadAccessOf(unredacted, CREATOR).victimData).toBe(true);
    expect(downloadAccessOf(pkg, who('liaison-2', ['LIAISON', 'ADMIN'], 'H3', true)).victimData).toBe(false);
    expect(downloadAccessOf(plainPackage(), CREATOR).victimData).toBe(false);
    const phoneOnly = plainPackage();
    phoneOnly.subgraph.nodes = unredacted.subgraph.nodes.filter((n) => n.type === 'Phone');
    expect(downloadAccessOf(phoneOnly, CREATOR).victimData).toBe(true);
  });
});

describe('mayDownload', () => {
  const strict: DownloadAccess = { handling: 'H3', ukConditional: true, victimData: true };
  const open: DownloadAccess = { handling: 'H0', ukConditional: false, victimData: false };

  it('lets a supervisor or admin read only what its clearance covers', () => {
    const stored = { subject: 'liaison-1', access: strict };
    expect(mayDownload(stored, who('sup', ['SUPERVISOR'], 'H0'))).toBe(false);
    expect(mayDownload(stored, who('sup', ['SUPERVISOR', 'VICTIM_DATA_OFFICER'], 'H3', false))).toBe(false);
    expect(mayDownload(stored, who('sup', ['SUPERVISOR'], 'H3', true))).toBe(false);
    expect(mayDownload(stored, who('adm', ['ADMIN'], 'H3', true))).toBe(false);
    expect(mayDownload(stored, who('sup', ['SUPERVISOR', 'VICTIM_DATA_OFFICER'], 'H2', true))).toBe(false);
    expect(mayDownload(stored, who('sup', ['SUPERVISOR', 'VICTIM_DATA_OFFICER'], 'H3', true))).toBe(true);
    expect(mayDownload(stored, who('adm', ['ADMIN', 'VICTIM_DATA_OFFICER'], 'H3', true))).toBe(true);
    expect(mayDownload({ subject: 'liaison-1', access: open }, who('sup', ['SUPERVISOR'], 'H0'))).toBe(true);
  });

  it('never lets anyone else read it, however cleared', () => {
    expect(mayDownload({ subject: 'liaison-1', access: open }, who('liaison-2', ['LIAISON', 'ANALYST', 'VICTIM_DATA_OFFICER'], 'H3', true))).toBe(false);
  });

  it('holds the creator to the same rule, so a token with less clearance than at export time is refused', () => {
    expect(mayDownload({ subject: 'liaison-1', access: strict }, CREATOR)).toBe(true);
    expect(mayDownload({ subject: 'liaison-1', access: strict }, who('liaison-1', ['LIAISON'], 'H3', true))).toBe(false);
    expect(mayDownload({ subject: 'liaison-1', access: strict }, who('liaison-1', ['LIAISON', 'VICTIM_DATA_OFFICER'], 'H1', true))).toBe(false);
  });

  it('keeps an export without a (well-formed) access record for its creator only', () => {
    const root = who('adm', ['ADMIN', 'SUPERVISOR', 'VICTIM_DATA_OFFICER'], 'H3', true);
    for (const access of [undefined, { handling: 'H9', ukConditional: false, victimData: false }, { handling: 'H0' }, null]) {
      const stored = { subject: 'liaison-1', access } as unknown as Parameters<typeof mayDownload>[0];
      expect(mayDownload(stored, root)).toBe(false);
      expect(mayDownload(stored, who('liaison-1', ['LIAISON'], 'H0'))).toBe(true);
    }
  });
});

describe('ExportStore', () => {
  /** Runs `test` with a folder of its own, removed after. */
  const inFolder = (test: (dir: string) => void) => () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-export-store-'));
    try {
      test(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  /** The fixture's package as a JSON file under this export id. */
  const packageFile = (exportId: string) => toJson({ ...exportFixture(), manifest: { ...exportFixture().manifest, exportId } });
  const OPEN: DownloadAccess = { handling: 'H0', ukConditional: false, victimData: false };

  it(
    'records the access with the file and reads it back; an older record reads back without it',
    inFolder((dir) => {
      const store = new ExportStore(dir);
      const file = packageFile('exp-0123456789abcdef');
      const access: DownloadAccess = { handling: 'H2', ukConditional: true, victimData: false };
      store.save(file, 'liaison-1', new Date(), access);
      expect(store.find('exp-0123456789abcdef')).toMatchObject({ subject: 'liaison-1', access });
      const json = path.join(dir, 'exp-0123456789abcdef.json');
      const { access: _dropped, ...older } = JSON.parse(fs.readFileSync(json, 'utf8')) as Record<string, unknown>;
      fs.writeFileSync(json, JSON.stringify(older));
      const back = store.find('exp-0123456789abcdef')!;
      expect(back.access).toBeUndefined();
      expect(mayDownload(back, who('sup', ['SUPERVISOR', 'VICTIM_DATA_OFFICER'], 'H3', true))).toBe(false);
      expect(mayDownload(back, who('liaison-1', ['LIAISON']))).toBe(true);
    }),
  );

  it(
    'never gives out an export past its retention, though none was stored since to prune it, and removes it',
    inFolder((dir) => {
      const store = new ExportStore(dir, 3600_000);
      const made = new Date('2026-12-01T00:00:00Z');
      const file = packageFile('exp-00000000000000b1');
      store.save(file, 'liaison-1', made, OPEN);
      expect(store.find('exp-00000000000000b1', new Date('2026-12-01T00:59:59Z'))).not.toBeNull();
      expect(store.find('exp-00000000000000b1', new Date('2026-12-01T01:00:01Z'))).toBeNull();
      expect(fs.readdirSync(dir)).toEqual([]);
    }),
  );

  it(
    'stores a new export beside a record cut short, and prunes files without a readable record by their age',
    inFolder((dir) => {
      const store = new ExportStore(dir, 3600_000);
      fs.writeFileSync(path.join(dir, 'exp-00000000000000c1.json'), '{"exportId": "exp-0000');
      fs.writeFileSync(path.join(dir, 'exp-00000000000000c1.bin'), 'partial');
      fs.writeFileSync(path.join(dir, 'exp-00000000000000c2.bin'), 'no record');
      const hourAgo = new Date(Date.now() - 2 * 3600_000);
      fs.utimesSync(path.join(dir, 'exp-00000000000000c2.bin'), hourAgo, hourAgo);
      const file = packageFile('exp-00000000000000c3');
      store.save(file, 'liaison-1', new Date(), OPEN);
      expect(store.find('exp-00000000000000c1')).toBeNull();
      expect(fs.readdirSync(dir).sort()).toEqual(['exp-00000000000000c1.bin', 'exp-00000000000000c1.json', 'exp-00000000000000c3.bin', 'exp-00000000000000c3.json']);
      // Past the retention, an export's two files (and a pair cut short) are pruned when the next is stored.
      const next = packageFile('exp-00000000000000c4');
      store.save(next, 'liaison-1', new Date(Date.now() + 2 * 3600_000), OPEN);
      expect(fs.readdirSync(dir).sort()).toEqual(['exp-00000000000000c4.bin', 'exp-00000000000000c4.json']);
    }),
  );
});
