import type { Role } from '../../auth/principal';

// Types only: the pages under web/ import this file too.

/** One named operation from schema/operations, ready to open in the IDE. */
export interface ExampleOperation {
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  /** The file it comes from, relative to schema/operations. */
  file: string;
  /** The analyst question it answers (`# Analyst question N: ...`), if any. */
  question?: number;
  /** Its leading comment lines, without the `#`. */
  description: string;
  /** The operation followed by every fragment it uses, so it runs on its own. */
  document: string;
  variables: { name: string; type: string; required: boolean }[];
  /** From a `# Example variables: {...}` comment line, when the file gives one. */
  exampleVariables?: Record<string, unknown>;
}

export interface ExampleQuestion {
  number: number;
  text: string;
  /** Names of the operations that answer it; empty: not available yet. */
  operations: string[];
}

export interface ExampleLibrary {
  questions: ExampleQuestion[];
  /** Operations answering a question first (by question), then the rest by file and name. */
  operations: ExampleOperation[];
  /** Files that could not be read as GraphQL, with the reason (the rest still load). */
  problems: string[];
}

/** The export mutation as the link chart calls it, read from the running schema. */
export interface ExportCapability {
  mutation: 'exportSubgraph';
  /** The type of its `input` argument, e.g. "ExportSubgraphInput!". */
  inputType: string;
  /** Formats to offer (the enum of `input.format`), and whether the field takes a list. */
  formats: string[];
  formatsIsList: boolean;
  formatField: string;
}

/** Optional parts of the API the pages use only where this schema has them. */
export interface WorkbenchCapabilities {
  export?: ExportCapability;
}

/** How a page gets its bearer token. */
export type PageAuth =
  /** Development and test: minted for this page load, short-lived. */
  | { kind: 'dev-token'; token: string; role: Role; expiresAt: string; roles: readonly Role[] }
  /** Production (or dev tokens off, or a caller not on this machine): the page asks for one. */
  | { kind: 'prompt'; reason: string };

/**
 * What the server tells a workbench page, as JSON in the page itself (no extra request, no inline
 * script). The pages under web/ read it with the same type.
 */
export interface WorkbenchPageConfig {
  page: 'ide' | 'explorer';
  /** The GraphQL endpoint, same origin. */
  endpoint: string;
  mode: 'development' | 'production' | 'test';
  /** Introspection is off in production: the IDE then has no schema for its docs. */
  introspection: boolean;
  auth: PageAuth;
  capabilities: WorkbenchCapabilities;
  /** IDE: the example library (analyst questions and the named operations). */
  examples?: ExampleLibrary;
}
