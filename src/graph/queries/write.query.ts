import type { NodeLabel, RelationshipType } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { lockIfVisible, valueShown, victimHeld, visible, withheldLinks } from './access';
import { projectNode, projectRel } from './projection';

/**
 * Write builders. Labels, relationship types and property keys in the text come from the
 * registry and the property tables (src/domain), never from a request; values are parameters.
 * Provenance (`$prov`) is written on every node and relationship created or updated.
 */

/** What an id is now: its labels, properties, and whether the caller may see it. */
export function existingNodesQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, labels(n) AS labels, n {.*} AS props, ${visible('n')} AS visible`,
    params: { ids: [...new Set(ids)] },
  };
}

/**
 * existingNodesQuery for a write that may change these nodes (or link them): each node the caller
 * may see is locked (`lockIfVisible`: a hidden one is neither locked nor waited for), in id order,
 * and read after its lock, so a node raised while the write waited is read as raised (`visible`
 * false) and the write is refused as for any hidden record, not written over with the raised
 * record's values shown back. `shown`: as naturalKeyQuery's test, whether the caller may be shown
 * the node's value (a victim's identifier).
 */
export function lockedExistingNodesQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH id, n ORDER BY id
${lockIfVisible('n', 'seen')}
RETURN id, labels(n) AS labels, n {.*} AS props, seen AND ${visible('n')} AS visible, ${valueShown('n')} AS shown`,
    params: { ids: [...new Set(ids)].sort() },
  };
}

/**
 * Locks the links of these types at node `id` that the caller may see (lockIfVisible), before its
 * transaction writes anything to the node or to the links' other ends: a link found from a node
 * its transaction has written is read as it was before a lock wait (Neo4j 5.26; see
 * lockLinksQuery in bulk-write.query.ts), so a link raised while the write waited would be taken
 * as visible, and replaced, removed or updated. Locked first, it cannot change until the write
 * ends, and every later read sees it as it is. `otherEnd`: only the links to that node. Nothing
 * is locked at a node the caller may not see (the write is refused).
 */
export function lockNodeLinksQuery(id: string, types: readonly RelationshipType[] | null, otherEnd?: string): CypherQuery {
  const rel = types === null ? '[r]' : `[r:${[...new Set(types)].join('|')}]`;
  return {
    cypher: `MATCH (n:Entity {id: $id}) WHERE ${visible('n')}
CALL (n) {
  MATCH (n)-${rel}-(o)${otherEnd !== undefined ? ' WHERE o.id = $otherEnd' : ''}
  WITH r ORDER BY elementId(r)
  ${lockIfVisible('r', 'seen', { rel: true }).replace(/\n/g, '\n  ')}
  RETURN count(seen) AS links
}
RETURN links`,
    params: { id, otherEnd: otherEnd ?? null },
  };
}

/**
 * The node with this natural key (an identifier's value, a report's reference), as
 * existingNodesQuery reads a node, with `visible` false unless the caller may be shown it:
 * visible, and, for a value a victim holds, only to victim-data officers (as the look-up by
 * value, identifier.query.ts).
 */
export function naturalKeyQuery(label: NodeLabel, key: 'value' | 'reference', value: string): CypherQuery {
  return {
    cypher: `MATCH (n:${label} {${key}: $value})
RETURN n.id AS id, labels(n) AS labels, n {.*} AS props, ${visible('n')} AND ${valueShown('n')} AS visible`,
    params: { value },
  };
}

/** The stored dates of birth of these people the caller may see (for a file's birth years to be checked against). */
export function storedBirthsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `MATCH (p:Person) WHERE p.id IN $ids AND ${visible('p')} AND p.dateOfBirth IS NOT NULL
RETURN p.id AS id, toString(p.dateOfBirth) AS dateOfBirth, p:Victim AS victim`,
    params: { ids: [...ids] },
  };
}

/**
 * Whether any record or link other than the report's own (itself, its ISSUED_BY link) cites this
 * intelligence report as its source, whoever may see it. Facts cite a report by its id only, so
 * this reads every record and link until it finds one: a report is deleted or merged rarely.
 */
export function reportCitedQuery(reportId: string): CypherQuery {
  return {
    cypher: `RETURN EXISTS { MATCH (n:Entity) WHERE n.reportId = $id AND n.id <> $id }
    OR EXISTS { MATCH (a)-[r]->(b) WHERE r.reportId = $id AND a.id <> $id AND b.id <> $id } AS cited`,
    params: { id: reportId },
  };
}

/**
 * The stored dates (`keys`: date keys of the property tables, DATE_PAIRS) of these records the
 * caller may see, as `YYYY-MM-DD` text (absent ones left out).
 */
export function storedDatesQuery(ids: readonly string[], keys: readonly string[]): CypherQuery {
  return {
    cypher: `MATCH (n:Entity) WHERE n.id IN $ids AND ${visible('n')}
RETURN n.id AS id, [k IN $keys WHERE n[k] IS NOT NULL | [k, toString(n[k])]] AS dates`,
    params: { ids: [...ids], keys: [...keys] },
  };
}

/** Whether a victim holds the identifier (any victim, seen or not: what the projection withholds its value for). */
export function victimHeldQuery(id: string): CypherQuery {
  return { cypher: `MATCH (n:Entity {id: $id}) RETURN ${victimHeld('n')} AS held`, params: { id } };
}

/** What an id is now, without its properties: its labels and whether the caller may see it. */
export function nodeKindsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, labels(n) AS labels, ${visible('n')} AS visible`,
    params: { ids: [...new Set(ids)] },
  };
}

/**
 * Sets provenance on create; on update takes the new report but never loosens handling, and takes
 * off the mark of the import run that created the item (`__importRun`): an item edited since is
 * no longer the run's alone, and a rollback of that run keeps it (import-run.query.ts).
 */
function provenanceSet(v: string): { onCreate: string; onMatch: string } {
  return {
    onCreate: `${v} += $prov, ${v}.recordedAt = datetime($prov.recordedAt)`,
    onMatch: `${v}.reportId = $prov.reportId, ${v}.agency = $prov.agency, ${v}.recordedAt = datetime($prov.recordedAt),
    ${v}.gradeSource = $prov.gradeSource, ${v}.gradeIntel = $prov.gradeIntel,
    ${v}.handling = CASE WHEN ${v}.handling > $prov.handling THEN ${v}.handling ELSE $prov.handling END,
    ${v}.ukHandling = CASE WHEN ${v}.ukHandling = 'C' OR $prov.ukHandling = 'C' THEN 'C' ELSE 'P' END,
    ${v}.consent = coalesce(${v}.consent, false) AND $prov.consent, ${v}.__importRun = null`,
  };
}

export interface UpsertNode {
  label: NodeLabel;
  /** Extra labels from the registry: Identifier, Location, role labels. */
  addLabels?: readonly string[];
  removeLabels?: readonly string[];
  /** Match on id, or on a natural key property (identifier value, report reference). */
  match: { key: 'id' | 'value' | 'reference'; value: string };
  /** The id a new node gets (ignored when one exists). */
  newId: string;
  /** Non-date properties; null removes the property. */
  props: Record<string, unknown>;
  /** Date properties as "YYYY-MM-DD" or null. */
  dates: Record<string, string | null>;
  prov: Record<string, unknown>;
}

export function upsertNodeQuery(u: UpsertNode): CypherQuery {
  const p = provenanceSet('n');
  const add = ['Entity', ...(u.addLabels ?? [])].map((l) => `:${l}`).join('');
  const mergeOn = u.match.key === 'id' ? `(n:Entity {id: $matchValue})` : `(n:${u.label} {${u.match.key}: $matchValue})`;
  const dateSets = Object.keys(u.dates).map((k) => `n.${k} = date($dates.${k})`);
  const removes = (u.removeLabels ?? []).map((l) => `n:${l}`);
  return {
    cypher: `MERGE ${mergeOn}
ON CREATE SET n:${u.label}${add}, n.id = $newId, ${p.onCreate}, n.__created = true
ON MATCH SET ${p.onMatch}, n.__created = false
SET n += $props${u.addLabels?.length ? `, n${u.addLabels.map((l) => `:${l}`).join('')}` : ''}${dateSets.length ? `, ${dateSets.join(', ')}` : ''}
${removes.length ? `REMOVE ${removes.join(', ')}\n` : ''}WITH n, n.__created AS created
REMOVE n.__created
RETURN ${projectNode('n')} AS node, created`,
    params: { matchValue: u.match.value, newId: u.newId, props: u.props, dates: u.dates, prov: u.prov },
  };
}

export interface LinkSpec {
  type: RelationshipType;
  from: string;
  to: string;
  /** Properties that tell two links of this type between the same ends apart (e.g. a transfer's date and amount). */
  keyProps: Record<string, unknown>;
  /** Which of the key properties are dates (compared as Neo4j DATE). */
  keyDates?: readonly string[];
  props: Record<string, unknown>;
  dates: Record<string, string | null>;
  prov: Record<string, unknown>;
}

function keyPatternOf(keyProps: Record<string, unknown>, keyDates: readonly string[] = []): string {
  const keys = Object.keys(keyProps);
  return keys.length ? ` {${keys.map((k) => (keyDates.includes(k) ? `${k}: date($key.${k})` : `${k}: $key.${k}`)).join(', ')}}` : '';
}

/**
 * Creates the link, or updates the one with the same ends and key properties that the caller may
 * see. A link the caller may not see is never matched: it stays as it is (its properties, report
 * and handling), and the caller's link is a new one beside it, as a second source would be.
 */
export function linkQuery(l: LinkSpec): CypherQuery {
  const p = provenanceSet('r');
  const keyPattern = keyPatternOf(l.keyProps, l.keyDates);
  const dateSets = Object.keys(l.dates).map((k) => `r.${k} = date($dates.${k})`);
  return {
    cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
OPTIONAL MATCH (a)-[old:${l.type}${keyPattern}]->(b)
WHERE ${visible('old')}
WITH a, b, old ORDER BY elementId(old) LIMIT 1
CALL (a, b, old) {
  WITH a, b, old WHERE old IS NULL
  CREATE (a)-[r:${l.type}${keyPattern}]->(b)
  SET ${p.onCreate}
  RETURN r, true AS created
UNION
  WITH old AS r WHERE r IS NOT NULL
  SET ${p.onMatch}
  RETURN r, false AS created
}
SET r += $props${dateSets.length ? `, ${dateSets.join(', ')}` : ''}
RETURN ${projectRel('r')} AS rel, created, coalesce(r.since > r.until, false) AS misdated`,
    params: { from: l.from, to: l.to, key: l.keyProps, props: l.props, dates: l.dates, prov: l.prov },
  };
}

/**
 * Removes links of a type between two nodes (optionally only those with these key properties).
 * Both ends are found first, each by its id, and the links between them after, as an optional
 * match (which Neo4j plans from both ends at once, from the one with fewer links; a null deletes
 * nothing and counts for nothing): as one pattern, Neo4j read every link of the type into `to`
 * (every national of a country), and a required match may still be planned from one end.
 */
export function unlinkQuery(type: RelationshipType, from: string, to: string, keyProps: Record<string, unknown>, keyDates: readonly string[] = []): CypherQuery {
  const keyPattern = keyPatternOf(keyProps, keyDates);
  return {
    cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
OPTIONAL MATCH (a)-[r:${type}${keyPattern}]->(b)
WHERE ${visible('r')}
DELETE r
RETURN count(r) AS removed`,
    params: { from, to, key: keyProps },
  };
}

/**
 * Makes the links of one type from a node to nodes of the given labels that the caller may see
 * exactly `targets`: visible links to other targets are removed, missing ones created with the
 * provenance. Links the caller may not see (or to nodes it may not see) are neither removed nor
 * counted as present: the caller states the list as far as it can see it. Returns how many
 * targets were found, so the writer can refuse unknown ids. Each target the caller may see is
 * locked before it is tested (lockIfVisible), so one raised while the write waited is not linked
 * (it is not found); the links themselves are locked before (lockNodeLinksQuery).
 */
export function replaceLinksQuery(from: string, type: RelationshipType, direction: 'OUT' | 'IN', targetLabels: readonly NodeLabel[], targetIds: readonly string[], prov: Record<string, unknown>): CypherQuery {
  const labelTest = targetLabels.map((l) => `o:${l}`).join(' OR ');
  const rel = direction === 'OUT' ? `(n)-[r:${type}]->(o)` : `(n)<-[r:${type}]-(o)`;
  const create = direction === 'OUT' ? `(n)-[r:${type}]->(o)` : `(n)<-[r:${type}]-(o)`;
  return {
    cypher: `MATCH (n:Entity {id: $from})
CALL (n) {
  MATCH ${rel}
  WHERE (${labelTest}) AND NOT o.id IN $targets AND ${visible('r')} AND ${visible('o')}
  DELETE r
}
WITH n
CALL (n) {
  UNWIND $targets AS tid
  MATCH (o:Entity {id: tid})
  WITH n, o ORDER BY o.id
  ${lockIfVisible('o', 'seen', { unlessClearedForAll: true }).replace(/\n/g, '\n  ')}
  WITH n, o WHERE seen AND (${labelTest}) AND ${visible('o')}
  CALL (n, o) {
    WITH n, o WHERE NOT EXISTS { MATCH ${rel.replace('[r:', '[__r:')} WHERE ${visible('__r')} }
    CREATE ${create}
    SET r += $prov, r.recordedAt = datetime($prov.recordedAt)
  }
  RETURN count(o) AS found
}
RETURN found`,
    params: { from, targets: [...new Set(targetIds)], prov },
  };
}

/**
 * How many links each of these nodes has (of one type and direction, or all) that the caller may
 * not see, the link or the node at its other end: a writer must not remove what it is not cleared
 * for, nor write the order numbers of a route's stops when some are withheld from it (it reads
 * them shifted: projection.ts).
 */
export function hiddenLinksQuery(ids: readonly string[], type?: RelationshipType, direction?: 'OUT'): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, COUNT { ${withheldLinks('n', type, direction === 'OUT')} } AS hidden`,
    params: { ids: [...new Set(ids)] },
  };
}

/** Deletes a node and its relationships; returns how many relationships went with it. */
export function deleteNodeQuery(id: string): CypherQuery {
  return {
    cypher: `MATCH (n:Entity {id: $id})
WHERE ${visible('n')} AND NOT n:Reference
WITH n, COUNT { (n)--() } AS rels
DETACH DELETE n
RETURN rels`,
    params: { id },
  };
}

/**
 * Replaces a node's ordered links of one type (a route's stops): all removed, then created in
 * the given order with `order` = position and the item's properties. Returns how many targets
 * were found.
 */
export function replaceOrderedLinksQuery(
  from: string,
  type: RelationshipType,
  targetLabels: readonly NodeLabel[],
  items: readonly { id: string; props: Record<string, unknown> }[],
  prov: Record<string, unknown>,
): CypherQuery {
  const labelTest = targetLabels.map((l) => `o:${l}`).join(' OR ');
  return {
    cypher: `MATCH (n:Entity {id: $from})
CALL (n) {
  MATCH (n)-[r:${type}]->()
  DELETE r
}
WITH n
CALL (n) {
  UNWIND range(0, size($items) - 1) AS i
  WITH n, i, $items[i] AS item
  MATCH (o:Entity {id: item.id})
  ${lockIfVisible('o', 'seen', { unlessClearedForAll: true }).replace(/\n/g, '\n  ')}
  WITH n, i, item, o WHERE seen AND (${labelTest}) AND ${visible('o')}
  CREATE (n)-[r:${type}]->(o)
  SET r += item.props, r.order = i, r += $prov, r.recordedAt = datetime($prov.recordedAt)
  RETURN count(o) AS found
}
RETURN found`,
    params: { from, items: items.map((i) => ({ id: i.id, props: i.props })), prov },
  };
}
