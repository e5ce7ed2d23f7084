import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** `Incident`, `in progress`, `in-progress` → `INCIDENT`, `IN_PROGRESS`: how the documents' spellings map onto enum names. */
export const enumKey = (value: string) => value.trim().toUpperCase().replace(/[\s-]+/g, '_');

function normalise(type: GraphQLInputType, value: unknown): unknown {
  if (isNonNullType(type)) return normalise(type.ofType, value);
  if (isListType(type)) return Array.isArray(value) ? value.map((v) => normalise(type.ofType, v)) : normalise(type.ofType, value);
  if (isEnumType(type)) {
    if (typeof value !== 'string') return value;
    const key = enumKey(value);
    return type.getValue(key) ? key : value; // no match: GraphQL refuses it with the enum's coded error
  }
  if (isInputObjectType(type) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const fields = type.getFields();
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fields[k] ? normalise(fields[k].type, v) : v]));
  }
  return value;
}

/** Whether a variable's type holds an enum anywhere, so operations without one skip the walk. */
function holdsEnum(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isEnumType(named)) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => holdsEnum(f.type, seen));
}

/**
 * REST clients write enum values as the documents do (`"Type (Incident / Change)"`, `medium`, `portal`): in
 * bodies and query strings alike, a value becomes the schema's enum value when it names one ignoring case,
 * spaces and hyphens. Answers keep the canonical values. Made once per route from the operation's variables.
 */
export function enumNormaliser(schema: GraphQLSchema, document: DocumentNode): (variables: Record<string, unknown>) => Record<string, unknown> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const typed = (operation?.variableDefinitions ?? [])
    .map((def) => ({ name: def.variable.name.value, type: typeFromAST(schema, def.type as never) as GraphQLInputType | undefined }))
    .filter((v): v is { name: string; type: GraphQLInputType } => !!v.type && holdsEnum(v.type));
  if (!typed.length) return (variables) => variables;
  return (variables) => {
    const out = { ...variables };
    for (const { name, type } of typed) if (name in out) out[name] = normalise(type, out[name]);
    return out;
  };
}
