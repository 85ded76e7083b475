import { buildSchema, parse, validate, type ValidationRule } from 'graphql';

/**
 * A small schema with the shapes the limits care about: nested connections with `first`, plain
 * lists, an `ids` list argument, an interface, and a field with a declared cost.
 */
export const schema = buildSchema(`
  interface Node { id: ID! }
  type Person implements Node { id: ID! name: String aliases: [String!] groups(first: Int = 10): GroupConnection! phones: [Phone!]! }
  type Group implements Node { id: ID! members(first: Int!): PersonConnection! }
  type Phone implements Node { id: ID! number: String }
  type PersonConnection { nodes: [Person!]! edges: [PersonEdge!]! totalCount: Int! }
  type PersonEdge { node: Person! cursor: String! }
  type GroupConnection { nodes: [Group!]! }
  type Query {
    person(id: ID!): Person
    persons(first: Int = 50): PersonConnection!
    nodes(ids: [ID!]!): [Node]!
    keyPlayers(limit: Int): [Person!]!
    expensive: Person
  }
`);
// What type-graphql's @Extensions({ cost: 100 }) puts on a field.
schema.getQueryType()!.getFields().expensive!.extensions = { cost: 100 };

/** The limit errors a rule reports for a document (spec rules not run). */
export function limitErrors(rule: ValidationRule, query: string) {
  return validate(schema, parse(query), [rule]).map((e) => ({ code: e.extensions.code, ...e.extensions }));
}
