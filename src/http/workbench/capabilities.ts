import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, type GraphQLInputType, type GraphQLSchema } from 'graphql';

import type { WorkbenchCapabilities } from './page-config';

function unwrapList(t: GraphQLInputType): { list: boolean } {
  const inner = isNonNullType(t) ? t.ofType : t;
  return { list: isListType(inner) };
}

/**
 * Reads the schema the service serves (not introspection, which production turns off): the link
 * chart shows its Export button only when `exportSubgraph(input: ...)` exists, takes node ids, a
 * recipient, a purpose and a format, and answers with a `downloadUrl`.
 */
export function workbenchCapabilities(schema: GraphQLSchema): WorkbenchCapabilities {
  const field = schema.getMutationType()?.getFields().exportSubgraph;
  const input = field?.args.find((a) => a.name === 'input');
  const inputType = input && getNamedType(input.type);
  const result = field && getNamedType(field.type);
  if (!field || !input || !isInputObjectType(inputType) || !isObjectType(result) || !result.getFields().downloadUrl) return {};
  const fields = inputType.getFields();
  const formatField = fields.format ? 'format' : fields.formats ? 'formats' : undefined;
  if (!formatField || !fields.nodeIds || !fields.recipient || !fields.purpose) return {};
  const formatType = getNamedType(fields[formatField]!.type);
  return {
    export: {
      mutation: 'exportSubgraph',
      inputType: String(input.type),
      formats: isEnumType(formatType) ? formatType.getValues().map((v) => v.name) : [],
      formatsIsList: unwrapList(fields[formatField]!.type).list,
      formatField,
    },
  };
}
