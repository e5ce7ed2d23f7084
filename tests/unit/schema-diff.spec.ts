import { parseAccepted, schemaChanges } from '../../scripts/schema-diff';

const RELEASED = `
type Query {
  incident(id: ID!): Incident!
  incidents: [Incident!]!
}
type Incident {
  id: ID!
  summary: String!
  title: String!
}
`;

/** `npm run schema:diff` (CI's "no unaccepted breaking schema changes"): graphql-inspector's verdicts, and the accepted list. */
describe('the breaking-change check (scripts/schema-diff.ts)', () => {
  it('reports a removed field as breaking', async () => {
    const changes = await schemaChanges(RELEASED, RELEASED.replace('  summary: String!\n', ''));
    expect(changes.breaking.map((c) => [c.type, c.path])).toEqual([['FIELD_REMOVED', 'Incident.summary']]);
  });

  it('takes a deprecation and a new field as safe, a new optional argument as dangerous only', async () => {
    const current = RELEASED.replace('summary: String!', 'summary: String! @deprecated(reason: "Use `title`.")')
      .replace('  title: String!\n', '  title: String!\n  """When it was opened."""\n  createdAt: String\n')
      .replace('incidents: [Incident!]!', 'incidents(first: Int): [Incident!]!');
    const changes = await schemaChanges(RELEASED, current);
    expect(changes.breaking).toEqual([]);
    expect(changes.safe.map((c) => c.type)).toEqual(expect.arrayContaining(['FIELD_ADDED', 'FIELD_DEPRECATION_ADDED']));
    expect(changes.dangerous.map((c) => c.type)).toEqual(['FIELD_ARGUMENT_ADDED']);
  });

  it('reports an object lookup made nullable as breaking (clients assumed an object)', async () => {
    const changes = await schemaChanges(RELEASED, RELEASED.replace('incident(id: ID!): Incident!', 'incident(id: ID!): Incident'));
    expect(changes.breaking.map((c) => [c.type, c.path])).toEqual([['FIELD_TYPE_CHANGED', 'Query.incident']]);
  });

  it('lets through a breaking change listed with its reason, and names listed entries nothing matches', async () => {
    const accepted = parseAccepted(
      JSON.stringify([
        { type: 'FIELD_REMOVED', path: 'Incident.summary', reason: 'Deprecated for a release; REST keeps the name.' },
        { type: 'FIELD_REMOVED', path: 'Incident.gone', reason: 'Released already.' },
      ]),
      'accepted.json',
    );
    const changes = await schemaChanges(RELEASED, RELEASED.replace('  summary: String!\n', ''), accepted);
    expect(changes.breaking).toEqual([]);
    expect(changes.accepted.map(({ change, reason }) => [change.path, reason])).toEqual([['Incident.summary', 'Deprecated for a release; REST keeps the name.']]);
    expect(changes.stale.map((a) => a.path)).toEqual(['Incident.gone']);
  });

  it('takes no accepted entry without a reason', () => {
    expect(() => parseAccepted(JSON.stringify([{ type: 'FIELD_REMOVED', path: 'Incident.summary' }]), 'accepted.json')).toThrow(/with a reason/);
    expect(() => parseAccepted(JSON.stringify([{ type: 'FIELD_REMOVED', path: 'Incident.summary', reason: ' ' }]), 'accepted.json')).toThrow(/with a reason/);
    expect(() => parseAccepted('{}', 'accepted.json')).toThrow(/JSON array/);
  });
});
