import { toAnx } from './anx';
import { toCsv } from './csv';
import { toCypherScript } from './cypher-script';
import type { ExportFile, ExportFormat, ExportPackage, ExportSerialiser } from './export-package';
import { toGraphml } from './graphml';
import { toJson } from './json-export';

/** Every export format and its serialiser: what a GraphQL enum or a CLI flag maps onto. */
export const EXPORT_SERIALISERS: Readonly<Record<ExportFormat, ExportSerialiser>> = {
  JSON: toJson,
  GRAPHML: toGraphml,
  CSV: toCsv,
  ANX: toAnx,
  CYPHER: toCypherScript,
};

/** Serialises a package in one format. Pure: same package, same bytes. */
export function serialiseExport(format: ExportFormat, pkg: ExportPackage): ExportFile {
  return EXPORT_SERIALISERS[format](pkg);
}
