import type { EntityRecord } from '../domain/entity-record';
import { newId } from '../domain/ids';
import type { PersonFields } from '../domain/new-person';
import { provenanceProps, type ProvenanceInput } from '../domain/provenance-input';
import { badInput } from '../errors/app-error';
import { resolveProvenances } from './provenance.reader';
import { createPersonQuery } from './queries/person-write.query';
import type { ScopedGraph } from './scoped-graph';

/** Creates a person in one transaction; unknown nationalities refuse the whole write. */
export async function createPerson(g: ScopedGraph, fields: PersonFields, provenance: ProvenanceInput, now: Date, id = newId('Person')): Promise<EntityRecord> {
  return g.writeTx(async (tx) => {
    const [prov] = await resolveProvenances(tx, [{ field: 'input.provenance', input: provenance }], now);
    const rows = await tx.run(createPersonQuery(id, fields, provenanceProps(prov!)));
    const row = rows[0]!;
    if ((row.linked as number) !== fields.nationalities.length) {
      // Throwing inside the transaction function rolls the person back too.
      throw badInput('input.nationalities', 'contains a country code that is not in the gazetteer');
    }
    return row.node as EntityRecord;
  });
}
