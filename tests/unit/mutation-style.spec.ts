import { getNamedType, isNonNullType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { buildBareSchema } from '../../src/graphql/schema';

/**
 * Issue 15, one mutation style (docs/api.md, Mutations): a mutation takes exactly one argument,
 * `input: <Name>Input!` (one that needs no argument takes none), and returns `<Name>Payload`, <Name> being its
 * name in PascalCase. A mutation it replaces stays for the deprecation window, marked
 * `Use <newName>. Removed in the release after next.`, naming a mutation of the new style.
 */

/** Sign-in and sign-up mutations that already took one `input` and answered a payload: they stay as they are. */
const CONFORMING_AUTH = ['login', 'registerBusiness', 'registerDeveloper', 'acceptInvitation', 'customerLogin', 'portalLogin', 'signInWithLink', 'acceptPortalInvitation'];

/**
 * New-style mutations whose input type cannot carry the convention's name, with the reason. incidentUpdate's
 * `IncidentUpdateInput` is the comment input of the deprecated addIncidentUpdate (the REST adapter's operation and
 * clients declare it in their variables): renaming it would break them before the window ends.
 */
const INPUT_NAMED_OTHERWISE: Record<string, string> = { incidentUpdate: 'IncidentUpdateFieldsInput' };

const REASON = /^Use ([a-z][A-Za-z0-9]*)\. Removed in the release after next\.$/;
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** What is wrong with a non-deprecated mutation's shape, if anything. */
function styleProblem(field: GraphQLField<unknown, unknown>): string | null {
  const name = pascal(field.name);
  const returns = getNamedType(field.type).name;
  if (CONFORMING_AUTH.includes(field.name)) {
    const [arg] = field.args;
    return field.args.length === 1 && arg.name === 'input' && isNonNullType(arg.type) && returns.endsWith('Payload') ? null : 'a conforming sign-in mutation no longer takes one input and answers a payload';
  }
  if (returns !== `${name}Payload`) return `returns ${returns}, not ${name}Payload`;
  if (!field.args.length) return null;
  if (field.args.length !== 1 || field.args[0].name !== 'input') return `takes ${field.args.map((a) => a.name).join(', ')}, not one \`input\``;
  const input = field.args[0];
  const wanted = INPUT_NAMED_OTHERWISE[field.name] ?? `${name}Input`;
  if (!isNonNullType(input.type) || getNamedType(input.type).name !== wanted) return `input is ${String(input.type)}, not ${wanted}!`;
  return null;
}

describe('one mutation style (issue 15)', () => {
  const mutations = (buildBareSchema().getMutationType() as GraphQLObjectType).getFields();
  const all = Object.values(mutations);

  it('every deprecated mutation says `Use <name>. Removed in the release after next.`, naming a non-deprecated mutation', () => {
    const problems = all
      .filter((f) => f.deprecationReason != null)
      .flatMap((f) => {
        const replacement = REASON.exec(f.deprecationReason!)?.[1];
        if (!replacement) return [`${f.name}: "${f.deprecationReason}"`];
        if (!mutations[replacement]) return [`${f.name}: ${replacement} does not exist`];
        if (mutations[replacement].deprecationReason != null) return [`${f.name}: ${replacement} is deprecated itself`];
        return [];
      });
    expect(problems).toEqual([]);
  });

  it('every other mutation takes one `input: <Name>Input!` (or nothing) and returns <Name>Payload', () => {
    const problems = all
      .filter((f) => f.deprecationReason == null)
      .map((f) => [f.name, styleProblem(f)] as const)
      .filter(([, problem]) => problem)
      .map(([name, problem]) => `${name}: ${problem}`);
    expect(problems).toEqual([]);
  });

  it('the rule catches what it should: a mutation of the old style, a wrong payload name, a second argument', () => {
    const [changeIncidentStatus, incidentStatusChange] = [mutations.changeIncidentStatus, mutations.incidentStatusChange];
    expect(styleProblem(changeIncidentStatus)).toBe('returns Incident, not ChangeIncidentStatusPayload');
    expect(styleProblem(incidentStatusChange)).toBeNull();
    expect(styleProblem({ ...incidentStatusChange, name: 'incidentStatusSet' })).toBe('returns IncidentStatusChangePayload, not IncidentStatusSetPayload');
    expect(styleProblem({ ...incidentStatusChange, args: [...incidentStatusChange.args, ...mutations.updateIncident.args] })).toMatch(/^takes input, input, version, id/);
  });
});
