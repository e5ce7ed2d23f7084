import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getNamedType, isObjectType } from 'graphql';
import { permissions } from '../../src/authz/rules';
import { buildBareSchema, printAppSchema } from '../../src/graphql/schema';

const ROOTS = ['Query', 'Mutation', 'Subscription'];

describe('schema', () => {
  const schema = buildBareSchema();
  const rules = permissions as Record<string, Record<string, unknown>>;

  it('schema.graphql is in step with the code (run `npm run schema:emit`)', () => {
    const committed = readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(printAppSchema(schema));
  });

  it('every root field has an explicit shield rule', () => {
    const missing: string[] = [];
    for (const root of ROOTS) {
      const type = schema.getType(root);
      if (!type || !isObjectType(type)) continue;
      for (const field of Object.keys(type.getFields())) {
        if (!rules[root]?.[field]) missing.push(`${root}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every rule names a type and field that exist', () => {
    const stale: string[] = [];
    for (const [typeName, fields] of Object.entries(rules)) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) {
        stale.push(typeName);
        continue;
      }
      for (const field of Object.keys(fields)) {
        if (field !== '*' && !type.getFields()[field]) stale.push(`${typeName}.${field}`);
      }
    }
    expect(stale).toEqual([]);
  });

  it('internal fields (nullable by design) carry a rule of their own', () => {
    // A field is internal when a rule is declared for it on a non-root type; such fields must be nullable,
    // so a refusal nulls the field, not its parent object.
    for (const [typeName, fields] of Object.entries(rules)) {
      if (ROOTS.includes(typeName)) continue;
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) continue;
      for (const field of Object.keys(fields)) {
        const def = type.getFields()[field];
        expect(def && getNamedType(def.type) && def.type.toString().endsWith('!')).toBe(false);
      }
    }
  });
});
