import { createHash } from 'node:crypto';

import { Kind, parse, print, type DefinitionNode, type DocumentNode } from 'graphql';

/**
 * The canonical text of a document: printed by graphql-js (so layout, comments and commas do not
 * matter), operations in their order, then fragments sorted by name (so the order in which a
 * client library appends fragments does not matter either).
 */
export function canonicalDocument(doc: DocumentNode): string {
  const ops = doc.definitions.filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION);
  const frags = doc.definitions
    .filter((d): d is Extract<DefinitionNode, { kind: Kind.FRAGMENT_DEFINITION }> => d.kind === Kind.FRAGMENT_DEFINITION)
    .sort((a, b) => a.name.value.localeCompare(b.name.value));
  return print({ kind: Kind.DOCUMENT, definitions: [...ops, ...frags] });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash a trusted document is listed under: SHA-256 of its canonical text; null when it does not parse. */
export function documentHash(text: string, maxTokens: number): string | null {
  try {
    return sha256Hex(canonicalDocument(parse(text, { maxTokens, noLocation: true })));
  } catch {
    return null;
  }
}
