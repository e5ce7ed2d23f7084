import { GraphQLScalarType, Kind } from 'graphql';

/**
 * ISO-8601 UTC timestamps. Read models let PostgreSQL format dates and hand over strings, which pass
 * through untouched; Date objects (from entities) are formatted here.
 */
export const DateTimeScalar = new GraphQLScalarType<Date | string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 timestamp in UTC, e.g. 2025-01-15T10:30:00.000Z.',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Date) return value.toISOString();
    throw new TypeError('DateTime cannot represent this value');
  },
  parseValue(value) {
    const date = new Date(String(value));
    if (typeof value !== 'string' || Number.isNaN(date.getTime())) throw new TypeError('DateTime must be an ISO-8601 string');
    return date;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || Number.isNaN(new Date(ast.value).getTime())) {
      throw new TypeError('DateTime must be an ISO-8601 string');
    }
    return new Date(ast.value);
  },
});
