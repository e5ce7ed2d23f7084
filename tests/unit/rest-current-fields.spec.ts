import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  NoDeprecatedCustomRule,
  parse,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { buildBareSchema } from '../../src/graphql/schema';
import { LINK_PAGES } from '../../src/pages/link-pages';
import type { InputNames } from '../../src/rest/executor';
import { restRoutes } from '../../src/rest/routes';

/**
 * Issue 15: the REST adapter and the e-mail link pages run only current (non-deprecated) fields, arguments, input
 * fields and enum values, so that a deprecated one can be removed at the end of its window without touching REST.
 * Each REST answer keeps its documented shape by reshaping the current fields' answers in the route (routes/*.ts).
 */

const ROOT = join(__dirname, '..', '..');
const OPERATIONS = join(ROOT, 'src', 'rest', 'operations');

/** What `NoDeprecatedCustomRule` finds in a document. */
function deprecatedUsages(schema: GraphQLSchema, document: DocumentNode): string[] {
  return validate(schema, document, [NoDeprecatedCustomRule]).map((e) => e.message);
}

/** Deprecated fields of an operation's input variables that the given body (or form) fields would set, under their input names. */
function deprecatedBodyFields(schema: GraphQLSchema, document: DocumentNode, fields: readonly string[]): string[] {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return (operation.variableDefinitions ?? []).flatMap((v) => {
    const type = getNamedType(typeFromAST(schema, v.type as never) as GraphQLInputType | undefined);
    if (!type || !isInputObjectType(type)) return [];
    const defined = type.getFields();
    return fields
      .filter((f) => defined[f]?.deprecationReason != null)
      .map((f) => `${type.name}.${f} (deprecated: ${defined[f].deprecationReason})`);
  });
}

/** The input fields that body (or form) fields set: their own names, or the route's or page's inputNames. */
const inputNamesOf = (fields: readonly string[], names: InputNames = {}) => fields.map((f) => names[f] ?? f);

/** Template literals of the TypeScript files under `dir` that parse as GraphQL operations (operation text written inline). */
function inlineOperations(dir: string): { where: string; document: DocumentNode }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return [...text.matchAll(/`([^`]*)`/g)].flatMap((m) => {
        if (!/\b(query|mutation|subscription)\b|^\s*\{/.test(m[1])) return [];
        try {
          const document = parse(m[1].replace(/\$\{[^}]*\}/g, ''));
          return document.definitions.some((d) => d.kind === 'OperationDefinition') ? [{ where: `${f}: ${m[1].trim().slice(0, 60)}`, document }] : [];
        } catch {
          return []; // not GraphQL
        }
      });
    });
}

describe('REST runs current fields only (issue 15)', () => {
  const schema = buildBareSchema();

  it('finds a deprecated field, argument and input field when there is one (the check below is not vacuous)', () => {
    const old = parse('mutation($id: ID!) { changeIncidentStatus(id: $id, input: { status: RESOLVED }) { id } analyzeIncident(id: $id) { id } }');
    expect(deprecatedUsages(schema, old)).toEqual([expect.stringMatching(/^The field Mutation\.changeIncidentStatus is deprecated\. Use incidentStatusChange\./), expect.stringMatching(/^The field Mutation\.analyzeIncident is deprecated/)]);
    const summary = parse('query($id: ID!) { ticket(id: $id) { summary } }');
    expect(deprecatedUsages(schema, summary)).toEqual([expect.stringMatching(/^The field Ticket\.summary is deprecated/)]);
    expect(deprecatedUsages(schema, parse('query($id: ID!) { ticket(id: $id) { summary: title } }'))).toEqual([]);
    // A body field setting a deprecated input field through the `input` variable.
    const tiny = buildSchema('input I { old: String @deprecated(reason: "Use new.") new: String } type Query { f(input: I): String }');
    expect(deprecatedBodyFields(tiny, parse('query($input: I) { f(input: $input) }'), ['old', 'new'])).toEqual(['I.old (deprecated: Use new.)']);
  });

  it('every operation in src/rest/operations/*.graphql selects and sets no deprecated field, argument or enum value', () => {
    const files = readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(5);
    // One document: the files share fragments.
    const document = parse(files.map((f) => readFileSync(join(OPERATIONS, f), 'utf8')).join('\n'));
    expect(validate(schema, document)).toEqual([]);
    expect(deprecatedUsages(schema, document)).toEqual([]);
  });

  it('every REST route and link page runs a current operation, and its body or form fields set no deprecated input field', () => {
    const runs = [
      ...restRoutes.map((r) => ({ where: `${r.method} ${r.path}`, document: r.operation as DocumentNode, fields: inputNamesOf(r.bodyFields ?? [], r.inputNames) })),
      ...LINK_PAGES.map((p) => ({
        where: `link page ${p.audience} ${p.kind}`,
        document: p.operation as DocumentNode,
        fields: inputNamesOf(p.fields.filter((f) => !f.repeats).map((f) => f.name), p.inputNames),
      })),
    ];
    expect(runs.length).toBeGreaterThan(80);
    const problems = runs.flatMap(({ where, document, fields }) => [...deprecatedUsages(schema, document), ...deprecatedBodyFields(schema, document, fields)].map((p) => `${where}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('each route\'s and link page\'s inputNames rename a body field it takes to a field of its operation\'s input', () => {
    const inputFields = (document: DocumentNode) => {
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
      return (operation.variableDefinitions ?? []).flatMap((v) => {
        const type = getNamedType(typeFromAST(schema, v.type as never) as GraphQLInputType | undefined);
        return type && isInputObjectType(type) ? Object.keys(type.getFields()) : [];
      });
    };
    const renaming = [
      ...restRoutes.map((r) => ({ where: `${r.method} ${r.path}`, document: r.operation as DocumentNode, fields: r.bodyFields ?? [], names: r.inputNames })),
      ...LINK_PAGES.map((p) => ({ where: `link page ${p.audience} ${p.kind}`, document: p.operation as DocumentNode, fields: p.fields.map((f) => f.name), names: p.inputNames })),
    ].filter((r) => r.names);
    expect(renaming.length).toBeGreaterThan(8);
    const problems = renaming.flatMap(({ where, document, fields, names }) =>
      Object.entries(names!).flatMap(([from, to]) => [
        ...(fields.includes(from) ? [] : [`${where}: ${from} is not one of its body fields`]),
        ...(inputFields(document).includes(to) ? [] : [`${where}: ${to} is not a field of its input`]),
      ]),
    );
    expect(problems).toEqual([]);
  });

  it('no operation text written inline in src/rest or src/pages uses a deprecated field', () => {
    const inline = [...inlineOperations(join(ROOT, 'src', 'rest')), ...inlineOperations(join(ROOT, 'src', 'pages'))];
    expect(inline.flatMap(({ where, document }) => deprecatedUsages(schema, document).map((p) => `${where}: ${p}`))).toEqual([]);
  });
});
