import type { EntityRecord } from '../domain/entity-record';
import { checkProps, NODE_PROPS } from '../domain/entity-props';
import { ID_PREFIX, newId } from '../domain/ids';
import { provenanceProps, resolveProvenance } from '../domain/provenance-input';
import type { HandlingCode, IntelGrade, SourceGrade, UkHandling } from '../domain/provenance';
import { AppError, badInput } from '../errors/app-error';
import { existingNodesQuery, naturalKeyQuery, replaceLinksQuery, upsertNodeQuery } from './queries/write.query';
import type { ScopedGraph } from './scoped-graph';
import { lockRecords } from './write-locks';

export interface ReportInput {
  reference: string;
  title?: string | null;
  reportedOn?: string | null;
  agency: string;
  gradeSource: number;
  gradeIntel: string;
  ukHandling: string;
  handling: string;
  consent?: boolean | null;
  recordedAt?: Date | null;
}

/**
 * Creates or updates an intelligence report (found by its reference). A report is its own source:
 * its provenance cites itself, with the grading and handling given here, which the facts citing
 * it inherit by default.
 */
export async function upsertReport(g: ScopedGraph, input: ReportInput, now: Date): Promise<EntityRecord> {
  return g.writeTx(async (tx) => {
    const agencyCode = input.agency.trim().toUpperCase();
    const agencyId = `${ID_PREFIX.Agency}-${agencyCode}`;
    const reference = input.reference.trim();
    const taken = () => new AppError('MSHT_CONFLICT', 'input.reference: this reference is already in use', { field: 'input.reference' });
    let found = await tx.run(naturalKeyQuery('IntelligenceReport', 'reference', reference));
    // A report the caller may not see is neither shown nor changed: its reference is simply taken.
    if (found[0] && found[0].visible !== true) throw taken();
    if (found[0]) {
      // Its agency link, then the report, locked before anything is written, and the report
      // tested as it is once locked (raised while this waited: hidden, and refused).
      const locked = (await lockRecords(tx, [found[0].id as string], ['ISSUED_BY'])).get(found[0].id as string);
      if (locked && !locked.visible) throw taken();
      // The reference data's own report: what the gazetteer, agencies and vocabularies cite.
      if (locked?.labels.includes('Reference')) throw badInput('input.reference', 'names the reference data’s report, which cannot be changed here');
      found = locked ? [locked as unknown as Record<string, unknown>] : [];
    }
    const id = (found[0]?.id as string | undefined) ?? newId('IntelligenceReport');
    const checked = checkProps(NODE_PROPS.IntelligenceReport, { reference, title: input.title, reportedOn: input.reportedOn }, 'input', now, !found.length);
    const prov = resolveProvenance(
      'input',
      { reportId: id, recordedAt: input.recordedAt },
      {
        agency: agencyCode,
        gradeSource: input.gradeSource as SourceGrade,
        gradeIntel: input.gradeIntel as IntelGrade,
        ukHandling: input.ukHandling as UkHandling,
        handling: input.handling as HandlingCode,
        consent: input.consent ?? false,
      },
      now,
    );
    const agency = (await tx.run(existingNodesQuery([agencyId])))[0];
    if (!agency) throw badInput('input.agency', `no agency with code ${JSON.stringify(agencyCode)}`);
    const { reportedOn, ...props } = checked;
    const rows = await tx.run(
      upsertNodeQuery({
        label: 'IntelligenceReport',
        match: { key: 'id', value: id },
        newId: id,
        props,
        dates: reportedOn !== undefined ? { reportedOn: reportedOn as string | null } : {},
        prov: provenanceProps(prov),
      }),
    );
    await tx.run(replaceLinksQuery(id, 'ISSUED_BY', 'OUT', ['Agency'], [agencyId], provenanceProps(prov)));
    return rows[0]!.node as EntityRecord;
  });
}
