import type { HandlingCode, UkHandling } from '../domain/provenance';
import type { Subgraph } from '../domain/subgraph';

/**
 * What an export carries besides the items: who sent it to whom and why, what was asked for,
 * what was left out (counts only, never the items) and the handling the package as a whole
 * takes. Every file format carries it (README.md#the-manifest-in-each-format).
 */
export interface ExportManifest {
  /** Version of our JSON graph format; always JSON_EXPORT_FORMAT_VERSION. */
  formatVersion: string;
  exportId: string;
  /** ISO 8601 date-time. */
  exportedAt: string;
  exportedBy: { subject: string; agency: string };
  recipient: { kind: RecipientKind; name: string; country?: string | null };
  purpose: string;
  query: { description: string; seeds: string[]; depth: number | null; relationshipTypes: string[]; nodeTypes: string[] };
  counts: { nodes: number; edges: number };
  /** The most restrictive codes among the items (never less restrictive than any item). */
  packageHandling: { handling: HandlingCode; ukHandling: UkHandling };
  /** What the handling rules left out: counts per reason, never the items themselves. */
  leftOut: { reason: string; nodes: number; edges: number }[];
  pseudonymised: boolean;
  /** Content hash (content-hash.ts): filled in by every serialiser; null before. */
  sha256: string | null;
}

export const RECIPIENT_KINDS = ['EUROPOL', 'PARTNER_COUNTRY', 'UK_PARTNER'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** The `formatVersion` every manifest carries: our JSON graph format, version 1. */
export const JSON_EXPORT_FORMAT = 'msht-graph-export';
export const JSON_EXPORT_VERSION = 1;
export const JSON_EXPORT_FORMAT_VERSION = `${JSON_EXPORT_FORMAT}/${JSON_EXPORT_VERSION}`;

/** What the serialisers are handed: the manifest and the (already filtered, redacted) items. */
export interface ExportPackage {
  manifest: ExportManifest;
  subgraph: Subgraph;
}

/** One serialised export, ready to be written or sent. */
export interface ExportFile {
  filename: string;
  mediaType: string;
  content: Buffer;
  /** SHA-256 (hex) of `content`, the file's own bytes. */
  sha256: string;
  /** The manifest as written into the file, with `sha256` set to the content hash. */
  manifest: ExportManifest;
}

export const EXPORT_FORMATS = ['JSON', 'GRAPHML', 'CSV', 'ANX', 'CYPHER'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportSerialiser = (pkg: ExportPackage) => ExportFile;
