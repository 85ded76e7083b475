import { buildSchema } from 'graphql';

import { workbenchCapabilities } from '../../../../src/http/workbench/capabilities';

const BASE = 'type Query { x: Int }';

describe('workbenchCapabilities', () => {
  it('offers no export while the schema has no exportSubgraph mutation', () => {
    expect(workbenchCapabilities(buildSchema(BASE))).toEqual({});
  });

  it('describes exportSubgraph when it takes node ids, a recipient, a purpose and a format and returns a downloadUrl', () => {
    const schema = buildSchema(`${BASE}
      enum ExportFormat { GRAPHML ANX CSV JSON }
      enum RecipientKind { EUROPOL PARTNER }
      input Recipient { kind: RecipientKind!, name: String! }
      input ExportSubgraphInput { nodeIds: [ID!]!, recipient: Recipient!, purpose: String!, format: ExportFormat! }
      type ExportPackage { id: ID!, downloadUrl: String! }
      type Mutation { exportSubgraph(input: ExportSubgraphInput!): ExportPackage! }`);
    expect(workbenchCapabilities(schema)).toEqual({
      export: { mutation: 'exportSubgraph', inputType: 'ExportSubgraphInput!', formats: ['GRAPHML', 'ANX', 'CSV', 'JSON'], formatsIsList: false, formatField: 'format' },
    });
  });

  it('takes a list of formats where the input has one, and ignores a mutation of another shape', () => {
    const listed = buildSchema(`${BASE}
      enum F { GRAPHML }
      input R { kind: String }
      input I { nodeIds: [ID!]!, recipient: R!, purpose: String!, formats: [F!]! }
      type P { downloadUrl: String }
      type Mutation { exportSubgraph(input: I!): P }`);
    expect(workbenchCapabilities(listed).export).toMatchObject({ formatField: 'formats', formatsIsList: true, formats: ['GRAPHML'] });
    const other = buildSchema(`${BASE}
      input I { ids: [ID!]! }
      type P { url: String }
      type Mutation { exportSubgraph(input: I!): P }`);
    expect(workbenchCapabilities(other)).toEqual({});
  });
});
