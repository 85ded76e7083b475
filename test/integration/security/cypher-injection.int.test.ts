import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type IntrospectionQuery,
} from 'graphql';

import { postGraphQL } from '../../support/http';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';

/**
 * Generic Cypher-injection probe: every String/ID argument and input field of every query and
 * mutation (found by introspection, so new fields are covered without touching this test) is
 * called with hostile strings, as a writer and administrator who may call everything. Nothing may
 * fail as an internal error, and nothing that existed before may change or disappear.
 */
const HOSTILE = [
  "' OR 1=1 //",
  '"}) DETACH DELETE n //',
  '\u0000',
  'x'.repeat(50_000),
  '+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ /',
  '$(x)',
  '`Person`) MATCH (m) DETACH DELETE m //',
  "\\'; CALL db.clearQueryCaches(); //",
  '${__handling}',
  '\u202e🙂\uD800',
];

const token = { roles: ['INGEST' as const, 'ADMIN' as const], subject: 'injection-probe', clearance: 'H3' as const, ukConditional: true };

/** Valid values for non-string scalars, by name; a scalar not listed cannot be built generically. */
const SCALAR_DEFAULTS: Record<string, unknown> = {
  Int: 1,
  Float: 1,
  Boolean: false,
  SafeInt: 1,
  DateTime: '2024-01-01T00:00:00.000Z',
  LocalDate: '2024-01-01',
  Date: '2024-01-01',
};

/**
 * Filler for strings that are not under test: an id that exists in every graph (the built-in
 * reference-data report), so look-ups succeed and writes get as far as they can.
 */
const FILLER = { ID: 'ref-msht-reference-data', String: 'x' };

class Unbuildable extends Error {}

type Path = (string | number)[];

/** Paths of String/ID positions under a type (lists as one item, input objects field by field). */
function stringPositions(type: GraphQLInputType, path: Path, depth: number): Path[] {
  const t = getNullableType(type);
  if (isListType(t)) return stringPositions(t.ofType, [...path, 0], depth);
  if (isScalarType(t)) return t.name === 'String' || t.name === 'ID' ? [path] : [];
  if (isInputObjectType(t) && depth < 4) return Object.values(t.getFields()).flatMap((f) => stringPositions(f.type, [...path, f.name], depth + 1));
  return [];
}

/**
 * A value for `type`: strings at `hostilePaths` get `hostile`, other strings `x` (only where
 * required, unless `allStrings`); required non-strings get valid defaults; optional ones are left out.
 */
function build(type: GraphQLInputType, path: Path, hostile: string, hostilePaths: Path[], allStrings: boolean, depth = 0): unknown {
  const required = isNonNullType(type);
  const t = getNullableType(type);
  const here = hostilePaths.some((p) => p.join('.') === path.join('.'));
  const below = hostilePaths.some((p) => p.length > path.length && p.slice(0, path.length).join('.') === path.join('.'));
  if (isListType(t)) {
    if (!required && !below && !here) return undefined;
    const item = build(t.ofType, [...path, 0], hostile, hostilePaths, allStrings, depth);
    return item === undefined ? [] : [item];
  }
  if (isScalarType(t) && (t.name === 'String' || t.name === 'ID')) {
    if (here) return hostile;
    return required || allStrings ? FILLER[t.name as 'ID' | 'String'] : undefined;
  }
  if (!required && !below) return undefined;
  if (isEnumType(t)) return t.getValues()[0]!.value;
  if (isScalarType(t)) {
    if (!(t.name in SCALAR_DEFAULTS)) throw new Unbuildable(`scalar ${t.name}`);
    return SCALAR_DEFAULTS[t.name];
  }
  if (isInputObjectType(t)) {
    if (depth >= 4) throw new Unbuildable(`input ${t.name} nests too deep`);
    const out: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) {
      const v = build(f.type, [...path, f.name], hostile, hostilePaths, allStrings, depth + 1);
      if (v !== undefined) out[f.name] = v;
    }
    return out;
  }
  throw new Unbuildable(`type ${String(t)}`);
}

function callFor(op: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, hostile: string, hostilePaths: Path[], allStrings: boolean) {
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  const args: string[] = [];
  field.args.forEach((a: GraphQLArgument, i) => {
    const v = build(a.type, [a.name], hostile, hostilePaths, allStrings);
    if (v === undefined) return;
    variables[`v${i}`] = v;
    defs.push(`$v${i}: ${String(a.type)}`);
    args.push(`${a.name}: $v${i}`);
  });
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${op} Probe${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
  return { query, variables };
}

describe('Cypher injection through any string argument', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
  });
  afterAll(() => svc.close());

  async function snapshot() {
    const nodes = await svc.graph.read({
      cypher: 'MATCH (n) WHERE NOT n:AuditEvent|AuditChain|AuditWriter RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props',
      params: {},
    });
    const rels = await svc.graph.read({ cypher: 'MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS from, elementId(b) AS to, properties(r) AS props', params: {} });
    return { nodes: new Map(nodes.map((n) => [n.id as string, JSON.stringify([[...(n.labels as string[])].sort(), n.props])])), rels: new Map(rels.map((r) => [r.id as string, JSON.stringify(r)])) };
  }

  it('answers every hostile string without an internal error and leaves existing data as it was', async () => {
    const intro = await postGraphQL(svc.url, token, { query: getIntrospectionQuery() });
    const schema = buildClientSchema(intro.body.data as IntrospectionQuery);
    const before = await snapshot();

    const covered: string[] = [];
    const skipped: string[] = [];
    const failures: string[] = [];
    let requests = 0;
    let positionsTotal = 0;
    for (const [op, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        const positions = field.args.flatMap((a) => stringPositions(a.type, [a.name], 0));
        if (positions.length === 0) continue;
        const name = `${op}.${field.name}`;
        try {
          const calls = HOSTILE.flatMap((h) => [callFor(op, field, h, positions, true), ...positions.map((p) => callFor(op, field, h, [p], false))]);
          for (const call of calls) {
            const r = await postGraphQL(svc.url, token, call);
            requests++;
            const codes = (r.body.errors ?? []).map((e) => e.extensions?.code);
            if (r.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || (r.body.data === undefined && r.body.errors === undefined)) {
              failures.push(`${name} ${r.status} ${JSON.stringify(codes)} ${JSON.stringify(call.variables).slice(0, 200)}`);
            }
          }
          covered.push(name);
          positionsTotal += positions.length;
        } catch (e) {
          if (!(e instanceof Unbuildable)) throw e;
          skipped.push(`${name} (${e.message})`);
        }
      }
    }
    console.log(
      `Cypher-injection probe: ${covered.length} root fields covered (${positionsTotal} string positions, ${requests} requests): ${covered.join(', ')}` +
        (skipped.length ? `; skipped, not buildable generically: ${skipped.join(', ')}` : '; none skipped'),
    );
    expect(failures).toEqual([]);
    expect(covered.length).toBeGreaterThan(0);

    const after = await snapshot();
    for (const [id, value] of before.nodes) expect([id, after.nodes.get(id)]).toEqual([id, value]);
    for (const [id, value] of before.rels) expect([id, after.rels.get(id)]).toEqual([id, value]);
    // Anything new is a legitimate create through a mutation: a domain entity citing a report.
    const created = [...after.nodes].filter(([id]) => !before.nodes.has(id)).map(([, v]) => JSON.parse(v) as [string[], Record<string, unknown>]);
    console.log(`Cypher-injection probe: ${created.length} entities created by mutations carrying hostile strings`);
    for (const [labels, props] of created) {
      expect(labels).toContain('Entity');
      expect(typeof props.reportId).toBe('string');
    }
  });
});
