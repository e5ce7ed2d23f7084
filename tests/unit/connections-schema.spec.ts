import { getNamedType, getNullableType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { permissions } from '../../src/authz/rules';
import { CONNECTION_OF_LIST, LISTS_WITHOUT_CONNECTION } from '../../src/graphql/connections';
import { buildBareSchema } from '../../src/graphql/schema';

/** The paging arguments of a list, which its connection replaces by first/after/last/before. */
const LIST_PAGING = ['page', 'limit', 'after'];
const CONNECTION_ARGS = ['first', 'after', 'last', 'before'];

describe('cursor connections in the schema', () => {
  const schema = buildBareSchema();
  const query = schema.getQueryType()!.getFields();
  const rules = (permissions as Record<string, Record<string, unknown>>).Query;
  const isConnection = (t: unknown): t is GraphQLObjectType => isObjectType(t) && t.name.endsWith('Connection');

  /** A root field answering many entities: a page (items + pagination) or a list of object types. */
  const isEntityList = (f: GraphQLField<unknown, unknown>) => {
    const type = getNullableType(f.type);
    if (isListType(type)) return isObjectType(getNamedType(type));
    return isObjectType(type) && Boolean(type.getFields().items && type.getFields().pagination);
  };

  it('every root list of entities has a connection beside it, or a reason in LISTS_WITHOUT_CONNECTION (a deprecated one: its replacement has)', () => {
    const beside = new Set<string>(Object.values(CONNECTION_OF_LIST));
    const missing = Object.values(query)
      .filter((f) => isEntityList(f) && !f.deprecationReason)
      .map((f) => f.name)
      .filter((name) => !beside.has(name) && !(name in LISTS_WITHOUT_CONNECTION));
    expect(missing).toEqual([]);
  });

  it('every exemption names a root list that exists and has no connection, with a reason', () => {
    for (const [name, reason] of Object.entries(LISTS_WITHOUT_CONNECTION)) {
      expect({ name, list: Boolean(query[name] && isEntityList(query[name])) }).toEqual({ name, list: true });
      expect(Object.values(CONNECTION_OF_LIST)).not.toContain(name);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it.each(Object.entries(CONNECTION_OF_LIST))('%s sits beside %s: the list\'s filters, the connection arguments, the list\'s shield rule', (connection, list) => {
    expect(isConnection(getNullableType(query[connection].type))).toBe(true);
    expect(connection).toMatch(/Connection$/);
    const listArgs = query[list].args.filter((a) => !LIST_PAGING.includes(a.name)).map((a) => `${a.name}: ${a.type}`);
    const connArgs = query[connection].args.filter((a) => !CONNECTION_ARGS.includes(a.name)).map((a) => `${a.name}: ${a.type}`);
    expect(connArgs.sort()).toEqual(listArgs.sort());
    expect(query[connection].args.filter((a) => CONNECTION_ARGS.includes(a.name)).map((a) => `${a.name}: ${a.type}`)).toEqual(['first: Int', 'after: String', 'last: Int', 'before: String']);
    expect(rules[connection]).toBeDefined();
    expect(rules[connection]).toBe(rules[list]);
  });

  it('every connection type has the spec\'s shape: edges { cursor node }, nodes, pageInfo, totalCount; every field answering one takes first/after/last/before', () => {
    const types = Object.values(schema.getTypeMap()).filter(isConnection);
    expect(types.length).toBeGreaterThanOrEqual(Object.keys(CONNECTION_OF_LIST).length);
    const info = schema.getType('ConnectionPageInfo') as GraphQLObjectType;
    expect(Object.fromEntries(Object.values(info.getFields()).map((f) => [f.name, String(f.type)]))).toEqual({
      hasNextPage: 'Boolean!',
      hasPreviousPage: 'Boolean!',
      startCursor: 'String',
      endCursor: 'String',
    });
    for (const type of types) {
      const fields = type.getFields();
      const edge = getNamedType(fields.edges.type) as GraphQLObjectType;
      const node = getNamedType(fields.nodes.type);
      expect({ type: type.name, shape: Object.fromEntries(Object.values(fields).map((f) => [f.name, String(f.type)])) }).toEqual({
        type: type.name,
        shape: { edges: `[${edge.name}!]!`, nodes: `[${node.name}!]!`, pageInfo: 'ConnectionPageInfo!', totalCount: 'Int!' },
      });
      expect(edge.name).toBe(type.name.replace(/Connection$/, 'Edge'));
      expect(Object.fromEntries(Object.values(edge.getFields()).map((f) => [f.name, String(f.type)]))).toEqual({ cursor: 'String!', node: `${node.name}!` });
      expect(isNonNullType(fields.totalCount.type)).toBe(true);
    }
    for (const owner of Object.values(schema.getTypeMap()).filter(isObjectType)) {
      for (const field of Object.values(owner.getFields()).filter((f) => isConnection(getNullableType(f.type)))) {
        expect({ field: `${owner.name}.${field.name}`, args: field.args.filter((a) => CONNECTION_ARGS.includes(a.name)).map((a) => a.name) }).toEqual({ field: `${owner.name}.${field.name}`, args: CONNECTION_ARGS });
        expect(field.name).toMatch(/Connection$/);
      }
    }
  });
});
