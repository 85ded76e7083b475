import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { GraphQLClient } from 'graphql-request';

import { signToken } from '../../auth/authenticator';
import { loadOrCreateSecret } from '../../auth/secrets';
import { loadConfig } from '../../config/config';
import { EXPORT_FORMATS, RECIPIENT_KINDS, type ExportFormat, type RecipientKind } from '../../exports/export-package';
import { getSdk } from '../../sdk/generated';

const USAGE = `msht export --seed ID [--seed ID ...] [--depth 2] | --node ID [--node ID ...]
            --purpose TEXT [--format JSON|GRAPHML|CSV|ANX|CYPHER] [--recipient EUROPOL|PARTNER_COUNTRY|UK_PARTNER]
            [--recipient-name NAME] [--country ISO] [--url http://localhost:4000/graphql]
            [--token TOKEN | (development) a LIAISON token is made with the local key] [--out FILE]`;

/**
 * `msht export`: asks a running server for an export through the generated SDK, as a liaison
 * officer would from their desk, downloads the file it stored, and checks its SHA-256.
 */
export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      seed: { type: 'string', multiple: true },
      node: { type: 'string', multiple: true },
      depth: { type: 'string', default: '2' },
      purpose: { type: 'string' },
      format: { type: 'string', default: 'GRAPHML' },
      recipient: { type: 'string', default: 'EUROPOL' },
      'recipient-name': { type: 'string' },
      country: { type: 'string' },
      url: { type: 'string', default: 'http://localhost:4000/graphql' },
      token: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const format = values.format!.toUpperCase() as ExportFormat;
  const recipientKind = values.recipient!.toUpperCase() as RecipientKind;
  if (!EXPORT_FORMATS.includes(format) || !RECIPIENT_KINDS.includes(recipientKind) || !values.purpose || (!values.seed && !values.node)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let token = values.token;
  if (!token) {
    const config = loadConfig();
    if (config.mode === 'production') {
      process.stderr.write('give --token (production tokens come from your identity provider)\n');
      return 2;
    }
    const secret = config.auth.jwtSecret ?? loadOrCreateSecret(config.dataDir, 'jwt-hs256');
    token = await signToken(secret, config.auth, { subject: 'dev-liaison', agency: 'NCA', roles: ['LIAISON'], clearance: 'H3', ukConditional: true, expiresIn: '15m' });
  }
  const headers = { authorization: `Bearer ${token}` };
  const sdk = getSdk(new GraphQLClient(values.url!, { headers }));
  const { exportSubgraph: r } = await sdk.ExportSubgraph({
    input: {
      seeds: values.seed ?? null,
      nodeIds: values.node ?? null,
      depth: Number(values.depth),
      recipient: { kind: recipientKind, name: values['recipient-name'] ?? (recipientKind === 'EUROPOL' ? 'Europol' : recipientKind), country: values.country ?? null },
      purpose: values.purpose,
      format,
    },
  });
  const res = await fetch(new URL(r.downloadUrl, values.url), { headers });
  if (!res.ok) throw new Error(`download of ${r.downloadUrl} failed: HTTP ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (createHash('sha256').update(bytes).digest('hex') !== r.sha256) throw new Error('the downloaded file does not match its SHA-256');
  const out = values.out ?? r.filename;
  fs.writeFileSync(out, bytes, { mode: 0o600 });
  process.stdout.write(
    `${path.resolve(out)}: ${r.nodes} nodes, ${r.edges} edges, package handling ${r.packageHandling.handling}/${r.packageHandling.ukHandling}, content sha256 ${r.contentSha256}\n` +
      r.leftOut.map((l) => `left out: ${l.nodes} nodes, ${l.edges} links (${l.reason})\n`).join(''),
  );
  return 0;
}
