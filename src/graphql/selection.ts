import { getArgumentValues, getNamedType, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields named `name` directly in a selection set, through inline fragments and fragment spreads. */
function fieldsNamed(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, name: string, seen = new Set<string>()): FieldNode[] {
  const found: FieldNode[] = [];
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value === name) found.push(s);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      found.push(...fieldsNamed(info, s.selectionSet, name, seen));
    } else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      found.push(...fieldsNamed(info, info.fragments[s.name.value]?.selectionSet, name, seen));
    }
  }
  return found;
}

/**
 * The arguments of every selection of the field at `path` below the resolver's own field (`['items', 'updates']`
 * under `incidents`), with variables applied: what the operation will ask of that field, so a read model can
 * fetch it in the same statement as its parent. Empty when the field is not selected.
 */
export function selectedArguments(info: GraphQLResolveInfo, path: readonly string[]): Record<string, unknown>[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  let type = getNamedType(info.returnType);
  let args: Record<string, unknown>[] = [];
  for (const name of path) {
    if (!isObjectType(type)) return [];
    const field = type.getFields()[name];
    if (!field) return [];
    nodes = nodes.flatMap((n) => fieldsNamed(info, n.selectionSet, name));
    args = nodes.map((n) => getArgumentValues(field, n, info.variableValues));
    type = getNamedType(field.type);
  }
  return args;
}
