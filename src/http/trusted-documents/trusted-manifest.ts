import fs from 'node:fs';
import path from 'node:path';

import { Kind, parse, visit, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

import { projectRoot } from '../../util/project-root';
import { canonicalDocument, sha256Hex } from './canonical-document';

/** `{ sha256 of the canonical document: the document }`, the format of schema/trusted-documents.json. */
export type TrustedManifest = Record<string, string>;

export function defaultManifestFile(): string {
  return path.join(projectRoot(), 'schema', 'trusted-documents.json');
}

/**
 * The manifest for a set of operation files (schema/operations): one entry per named operation,
 * holding the operation and every fragment it uses, directly or through other fragments, from
 * any of the files (as codegen puts them into the SDK's documents). Keys sorted, so the file
 * diffs well.
 */
export function buildManifest(sources: string[]): TrustedManifest {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const text of sources) {
    for (const d of parse(text, { noLocation: true }).definitions) {
      if (d.kind === Kind.OPERATION_DEFINITION) {
        if (!d.name) throw new Error('every operation under schema/operations needs a name');
        operations.push(d);
      } else if (d.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(d.name.value, d);
      }
    }
  }
  const entries: [string, string][] = operations.map((op) => {
    const used = new Map<string, FragmentDefinitionNode>();
    const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const name = spread.name.value;
          const frag = fragments.get(name);
          if (!frag) throw new Error(`operation ${op.name!.value} spreads unknown fragment ${name}`);
          if (!used.has(name)) {
            used.set(name, frag);
            collect(frag);
          }
        },
      });
    collect(op);
    const text = canonicalDocument({ kind: Kind.DOCUMENT, definitions: [op, ...used.values()] });
    return [sha256Hex(text), text];
  });
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** The operation files under schema/operations, in name order. */
export function readOperationSources(dir = path.join(projectRoot(), 'schema', 'operations')): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, f.name);
      if (f.isDirectory()) walk(p);
      else if (f.name.endsWith('.graphql')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** The manifest as JSON text (what the generator writes and the drift check compares). */
export function manifestJson(m: TrustedManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** Reads a manifest file and checks that every key is the hash of its document. */
export function loadManifest(file: string): Map<string, string> {
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as TrustedManifest;
  const out = new Map<string, string>();
  for (const [hash, text] of Object.entries(m)) {
    if (typeof text !== 'string' || sha256Hex(text) !== hash) throw new Error(`${file}: the entry ${hash} is not the SHA-256 of its document`);
    out.set(hash, text);
  }
  return out;
}
