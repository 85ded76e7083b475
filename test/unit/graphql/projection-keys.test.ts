import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';

import { PROVENANCE_KEYS } from '../../../src/domain/provenance';
import { STORED_KEYS } from '../../../src/domain/entity-props';
import { GRAPH_LABEL_KEYS, nodeKeys, relKeys, selectsLinkIdentity, subgraphKeys } from '../../../src/graphql/projection-keys';
import { relatedArgsFor, type RelationField } from '../../../src/graphql/resolvers/relation-fields';

/** The resolve info of the query's first root field (what a resolver sees), from a document. */
function infoOf(document: string): GraphQLResolveInfo {
  const doc = parse(document);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const root = op.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [root], fragments } as unknown as GraphQLResolveInfo;
}

describe('projection keys from a GraphQL selection', () => {
  it('names the stored properties a node selection reads, and computed fields their inputs', () => {
    const info = infoOf('{ person(id: "x") { id __typename name gender roles redacted pseudonym displayName nationalities { code } } }');
    expect(nodeKeys(info)).toEqual(['gender', 'line1', 'name', 'postcode']);
  });

  it('follows fragments, inline and named, and unions what they ask for', () => {
    const info = infoOf('{ person(id: "x") { ...A ... on Person { dateOfBirth } } } fragment A on Person { aliases provenance { grading } }');
    expect(nodeKeys(info)).toEqual(['aliases', 'dateOfBirth', ...PROVENANCE_KEYS].sort());
  });

  it('takes the node fields of a connection from both edges.node and nodes', () => {
    const info = infoOf('{ persons { totalCount nodes { name } edges { cursor node { gender } } pageInfo { hasNextPage } } }');
    expect(nodeKeys(info, [['nodes'], ['edges', 'node']])).toEqual(['gender', 'name']);
  });

  it('names the relationship keys an edge selection reads', () => {
    const info = infoOf('{ groups { edges { cursor linkId type direction role since provenance { agency } node { name } } } }');
    expect(relKeys(info, [['edges']])).toEqual([...PROVENANCE_KEYS, 'role', 'since'].sort());
    expect(nodeKeys(info, [['edges', 'node']])).toEqual(['name']);
  });

  it('names what a subgraph selection reads of its nodes and links: label inputs, dates, provenance, or everything for properties', () => {
    const chart = infoOf('{ paths(from: "a", to: "b") { hops nodeIds subgraph { truncated nodes { id type label roles redacted node { id } } edges { id type source target from to } } } }');
    expect(subgraphKeys(chart, ['subgraph'])).toEqual({ nodes: [...GRAPH_LABEL_KEYS].sort(), rels: ['date', 'since', 'until'] });
    const graded = infoOf('{ neighbourhood(ids: ["a"]) { nodes { id provenance { grading } } edges { id provenance { handling } } } }');
    expect(subgraphKeys(graded, [])).toEqual({ nodes: [...PROVENANCE_KEYS].sort(), rels: [...PROVENANCE_KEYS].sort() });
    const all = infoOf('{ neighbourhood(ids: ["a"]) { nodes { id properties } edges { id } } }');
    expect(subgraphKeys(all, [])).toEqual({ nodes: null, rels: [] });
    expect(subgraphKeys(undefined, [])).toEqual({ nodes: null, rels: null });
    for (const k of GRAPH_LABEL_KEYS) expect(STORED_KEYS.has(k)).toBe(true);
  });

  it("asks for a link's type and element id only where an edge's cursor, link id or type, or the page's end cursor, reads them", () => {
    for (const reads of ['edges { cursor }', 'edges { linkId }', 'edges { type }', 'pageInfo { endCursor }', 'edges { ...E }', '... on MembershipConnection { edges { cursor } }']) {
      expect(selectsLinkIdentity(infoOf(`{ groups { ${reads} } } fragment E on MembershipEdge { type }`))).toBe(true);
    }
    for (const reads of ['totalCount', 'nodes { id }', 'edges { role since direction provenance { agency } node { id name } }', 'pageInfo { hasNextPage }']) {
      expect(selectsLinkIdentity(infoOf(`{ groups { ${reads} } }`))).toBe(false);
    }
    expect(selectsLinkIdentity(undefined)).toBe(true);
    const fragments = Array.from({ length: 12 }, (_, i) => `fragment F${i} on MembershipConnection { ${i < 11 ? `...F${i + 1}` : 'totalCount'} }`).join('\n');
    expect(selectsLinkIdentity(infoOf(`{ groups { ...F0 } } ${fragments}`))).toBe(true);
  });

  it("gives the related loader the link's identity only where the selection reads it, or reads a field it does not know", () => {
    const groups: RelationField = { kind: 'connection', spec: { type: 'MEMBER_OF', direction: 'OUT', targets: ['OrganisedCrimeGroup'] } };
    expect(relatedArgsFor(groups, { first: 10 }, infoOf('{ groups { edges { role node { name } } } }')).linkIdentity).toBe(false);
    expect(relatedArgsFor(groups, { first: 10 }, infoOf('{ groups { edges { cursor node { name } } } }')).linkIdentity).toBe(true);
    expect(relatedArgsFor(groups, { first: 10 }, infoOf('{ groups { edges { role whatever { x } } } }')).linkIdentity).toBe(true);
    expect(relatedArgsFor(groups, { first: 10 }).linkIdentity).toBeUndefined();
    const nationalities: RelationField = { kind: 'nodes', spec: { type: 'NATIONAL_OF', direction: 'OUT', targets: ['Country'] }, limit: 20 };
    expect(relatedArgsFor(nationalities, {}, infoOf('{ nationalities { code } }')).linkIdentity).toBe(false);
  });

  it('falls back to every property for a field it does not know', () => {
    expect(nodeKeys(infoOf('{ person(id: "x") { name somethingNew } }'))).toBeNull();
    expect(relKeys(infoOf('{ groups { edges { role whatever { x } } } }'), [['edges']])).toBeNull();
    expect(nodeKeys(undefined)).toBeNull();
  });

  it('falls back to every property when fragments nest too deep to follow', () => {
    const fragments = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Person { ${i < 11 ? `...F${i + 1}` : 'name'} }`).join('\n');
    expect(nodeKeys(infoOf(`{ person(id: "x") { ...F0 } } ${fragments}`))).toBeNull();
  });
});
