import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../../src/auth/viewer';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createArticle, createCustomerOrg, createCustomerUser, createIncident, type CustomerFixture } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

type GqlError = { message: string; extensions?: { code?: string } };
type Answer = { data?: Record<string, unknown> | null; errors?: GqlError[] };
type Row = Record<string, unknown>;

/**
 * Issue 15: each staff incident-work mutation and the object-first one replacing it, run through the same
 * assertions (what the caller gets, what is stored, the refusals), so the new one answers exactly as the old one
 * does. Each pair is one operation written both ways: `old` with the former arguments, `new` with them inside
 * `input`; `pick` takes the old answer's object, or the payload's (`incident`, `article`, ...), to compare alike.
 */
interface Way {
  query: string;
  /** The operation's variables from the pair's arguments. */
  vars(a: Row): Row;
  /** The object the assertions look at, from `data[field]`. */
  pick(answer: Row): unknown;
}
interface Pair {
  old: Way;
  new: Way;
}

describe('staff incident work: the object-first mutations answer as the ones they replace (issue 15)', () => {
  let t: TestApp;
  let acme: Tenant;
  const staff: Partial<Record<StaffRole, StaffFixture>> = {};
  const auth: Record<string, Record<string, string>> = {};
  let org: Awaited<ReturnType<typeof createCustomerOrg>>;
  let reporter: CustomerFixture;
  let colleague: CustomerFixture;
  let outsider: CustomerFixture;

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    acme = await createTenant(em, { slug: 'style-acme' });
    for (const role of ['VIEWER', 'RESPONDER', 'ENGINEER', 'MANAGER'] as StaffRole[]) {
      staff[role] = await createStaff(em, hasher, { tenant: acme, role, email: `${role.toLowerCase()}@style.test` });
      auth[role] = (await login(t, staff[role]!.email, staff[role]!.password)).auth;
    }
    const stranger = await createStaff(em, hasher, { tenant: await createTenant(em, { slug: 'style-globex' }), role: 'ADMIN', email: 'admin@style-globex.test' });
    auth.stranger = (await login(t, stranger.email, stranger.password)).auth;
    org = await createCustomerOrg(em, acme, 'ORGANIZATION', 'Initech');
    reporter = await createCustomerUser(em, hasher, acme, { org, email: 'rita@style.test' });
    colleague = await createCustomerUser(em, hasher, acme, { org, email: 'cole@style.test' });
    outsider = await createCustomerUser(em, hasher, acme, { org: await createCustomerOrg(em, acme, 'OWN', 'Umbrella'), email: 'olga@style.test' });
  });
  afterAll(() => t?.close());

  const sql = async (query: string, params: unknown[]) => t.em().getConnection().execute<Row[]>(query, params);
  const call = async (way: Way, args: Row, who: string) => {
    const res = (await t.gql(way.query, way.vars(args), auth[who])) as Answer;
    const field = Object.keys(res.data ?? {})[0];
    return { res, got: res.errors?.length || !field || res.data![field] == null ? null : way.pick(res.data![field] as Row) };
  };
  const codeOf = (res: Answer) => res.errors?.[0]?.extensions?.code;
  /** Refused with `code`; for another workspace's row, answering byte for byte like a missing one. */
  const refused = async (way: Way, args: Row, who: string, code: string, missing?: { key: string; real: string }) => {
    const { res } = await call(way, args, who);
    expect([who, codeOf(res)]).toEqual([who, code]);
    if (missing) {
      const ghostId = randomUUID();
      const ghost = await call(way, { ...args, [missing.key]: ghostId }, who);
      expect(JSON.stringify(res).replaceAll(missing.real, ghostId)).toBe(JSON.stringify(ghost.res));
    }
  };
  const newIncident = (options: Parameters<typeof createIncident>[2] = {}) => createIncident(t.em(), acme, { org, reporter: reporter.user, ...options });
  const incidentRow = async (id: string) => (await sql('SELECT title, status, version, assignee_id, parent_id, customer_id FROM incidents WHERE id = ?', [id]))[0];
  const both = (pair: Pair) => [['old', pair.old] as const, ['new', pair.new] as const];

  const INCIDENT_FIELDS = 'id title status version assignee { id } parentId';
  const incident = (x: Row) => x.incident;

  describe('incidents', () => {
    const create: Pair = {
      old: { query: `mutation($i: CreateIncidentInput!) { createIncident(input: $i) { ${INCIDENT_FIELDS} } }`, vars: (a) => ({ i: a }), pick: (x) => x },
      new: { query: `mutation($i: IncidentCreateInput!) { incidentCreate(input: $i) { incident { ${INCIDENT_FIELDS} } } }`, vars: (a) => ({ i: a }), pick: incident },
    };
    it.each(both(create))('%s: ENGINEER opens an incident, stored; VIEWER, assigning without MANAGER and another workspace’s organization are refused', async (_n, way) => {
      const { got } = await call(way, { title: `Queue stuck ${_n}`, description: 'Jobs pile up.', priority: 'HIGH' }, 'ENGINEER');
      expect(got).toMatchObject({ title: `Queue stuck ${_n}`, status: 'OPEN', version: 1, assignee: null });
      expect(await incidentRow((got as Row).id as string)).toMatchObject({ title: `Queue stuck ${_n}`, status: 'OPEN' });
      await refused(way, { title: 'x', description: 'x', priority: 'LOW' }, 'VIEWER', 'FORBIDDEN');
      await refused(way, { title: 'x', description: 'x', priority: 'LOW', assigneeId: staff.ENGINEER!.user.id }, 'ENGINEER', 'FORBIDDEN');
      const count = (await sql('SELECT count(*)::int AS n FROM incidents WHERE tenant_id = ?', [acme.id]))[0].n;
      await refused(way, { title: 'x', description: 'x', priority: 'LOW', customerId: randomUUID() }, 'MANAGER', 'CUSTOMER_NOT_FOUND');
      expect((await sql('SELECT count(*)::int AS n FROM incidents WHERE tenant_id = ?', [acme.id]))[0].n).toBe(count);
    });

    const update: Pair = {
      old: { query: `mutation($id: ID!, $v: Int!, $title: String) { updateIncident(id: $id, version: $v, input: { title: $title }) { ${INCIDENT_FIELDS} } }`, vars: (a) => a, pick: (x) => x },
      new: { query: `mutation($id: ID!, $v: Int!, $title: String) { incidentUpdate(input: { id: $id, version: $v, title: $title }) { incident { ${INCIDENT_FIELDS} } } }`, vars: (a) => a, pick: incident },
    };
    it.each(both(update))('%s: ENGINEER edits at the current version, stored with the version bumped; a stale version, VIEWER and another workspace are refused', async (_n, way) => {
      const row = await newIncident();
      const { got } = await call(way, { id: row.number, v: 1, title: 'Renamed' }, 'ENGINEER');
      expect(got).toMatchObject({ id: row.id, title: 'Renamed', version: 2 });
      expect(await incidentRow(row.id)).toMatchObject({ title: 'Renamed', version: 2 });
      await refused(way, { id: row.id, v: 1, title: 'Lost write' }, 'ENGINEER', 'STALE_VERSION');
      await refused(way, { id: row.id, v: 2, title: 'x' }, 'VIEWER', 'FORBIDDEN');
      await refused(way, { id: row.id, v: 2, title: 'x' }, 'stranger', 'INCIDENT_NOT_FOUND', { key: 'id', real: row.id });
      expect(await incidentRow(row.id)).toMatchObject({ title: 'Renamed', version: 2 });
    });

    const status: Pair = {
      old: { query: `mutation($id: ID!, $s: IncidentStatus!, $note: String) { changeIncidentStatus(id: $id, input: { status: $s, note: $note }) { ${INCIDENT_FIELDS} } }`, vars: (a) => a, pick: (x) => x },
      new: {
        query: `mutation($id: ID!, $s: IncidentStatus!, $note: String) { incidentStatusChange(input: { id: $id, status: $s, note: $note }) { incident { ${INCIDENT_FIELDS} } } }`,
        vars: (a) => a,
        pick: incident,
      },
    };
    it.each(both(status))('%s: RESPONDER acknowledges, stored with its status event; RESPONDER may not go further, a jump off the machine and another workspace are refused', async (_n, way) => {
      const row = await newIncident();
      const { got } = await call(way, { id: row.id, s: 'ACKNOWLEDGED', note: 'On it.' }, 'RESPONDER');
      expect(got).toMatchObject({ id: row.id, status: 'ACKNOWLEDGED' });
      expect(await incidentRow(row.id)).toMatchObject({ status: 'ACKNOWLEDGED' });
      expect(await sql("SELECT body, visibility, status FROM incident_updates WHERE incident_id = ? AND kind = 'STATUS'", [row.id])).toEqual([{ body: 'On it.', visibility: 'PUBLIC', status: 'ACKNOWLEDGED' }]);
      await refused(way, { id: row.id, s: 'INVESTIGATION' }, 'RESPONDER', 'FORBIDDEN');
      await refused(way, { id: row.id, s: 'CLOSED' }, 'ENGINEER', 'INVALID_TRANSITION');
      await refused(way, { id: row.id, s: 'INVESTIGATION' }, 'stranger', 'INCIDENT_NOT_FOUND', { key: 'id', real: row.id });
      expect(await incidentRow(row.id)).toMatchObject({ status: 'ACKNOWLEDGED' });
    });

    it('incidentStatusChange: the payload has the status event as the timeline shows it, read with the timeline once', async () => {
      const row = await newIncident();
      const res = await t.gql<{ incidentStatusChange: { incident: { updates: { id: string }[] }; update: { id: string; kind: string; status: string; body: string; visibility: string } } }>(
        'mutation($id: ID!) { incidentStatusChange(input: { id: $id, status: ACKNOWLEDGED, internal: true }) { incident { updates { id } } update { id kind status body visibility } } }',
        { id: row.id },
        auth.RESPONDER,
      );
      expect(res.errors).toBeUndefined();
      const { update, incident: changed } = res.data!.incidentStatusChange;
      expect(update).toMatchObject({ kind: 'STATUS', status: 'ACKNOWLEDGED', body: 'Status changed to ACKNOWLEDGED.', visibility: 'INTERNAL' });
      const [stored] = await sql("SELECT id FROM incident_updates WHERE incident_id = ? AND kind = 'STATUS'", [row.id]);
      expect(update.id).toBe(stored.id);
      expect(changed.updates.map((u) => u.id)).toContain(update.id);
    });

    it('a later mutation field reads what it wrote, not what an earlier one loaded: the status event and the timeline after a comment', async () => {
      const row = await newIncident();
      type Timeline = { incident: { updates: { id: string; kind: string }[] } };
      const res = await t.gql<{ a: Timeline; b: Timeline & { update: { id: string; status: string } } }>(
        `mutation($id: ID!) {
          a: incidentUpdateAdd(input: { id: $id, body: "A note." }) { incident { updates { id kind } } }
          b: incidentStatusChange(input: { id: $id, status: ACKNOWLEDGED }) { incident { updates { id kind } } update { id status } }
        }`,
        { id: row.id },
        auth.ENGINEER,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.a.incident.updates.map((u) => u.kind)).toEqual(['COMMENT']);
      expect(res.data!.b.update.status).toBe('ACKNOWLEDGED');
      expect(res.data!.b.incident.updates.map((u) => u.kind)).toEqual(['COMMENT', 'STATUS']);
      expect(res.data!.b.incident.updates[1].id).toBe(res.data!.b.update.id);
    });

    const comment: Pair = {
      old: { query: 'mutation($id: ID!, $body: String!) { addIncidentUpdate(id: $id, input: { body: $body }) { id kind body visibility } }', vars: (a) => a, pick: (x) => x },
      new: { query: 'mutation($id: ID!, $body: String!) { incidentUpdateAdd(input: { id: $id, body: $body }) { update { id kind body visibility } } }', vars: (a) => a, pick: (x) => x.update },
    };
    it.each(both(comment))('%s: RESPONDER comments (INTERNAL by default), stored; VIEWER and another workspace are refused', async (_n, way) => {
      const row = await newIncident();
      const { got } = await call(way, { id: row.number, body: 'Looking into it.' }, 'RESPONDER');
      expect(got).toMatchObject({ kind: 'COMMENT', body: 'Looking into it.', visibility: 'INTERNAL' });
      expect(await sql('SELECT id, body, visibility FROM incident_updates WHERE incident_id = ?', [row.id])).toEqual([{ id: (got as Row).id, body: 'Looking into it.', visibility: 'INTERNAL' }]);
      await refused(way, { id: row.id, body: 'x' }, 'VIEWER', 'FORBIDDEN');
      await refused(way, { id: row.id, body: 'x' }, 'stranger', 'INCIDENT_NOT_FOUND', { key: 'id', real: row.id });
      expect((await sql('SELECT count(*)::int AS n FROM incident_updates WHERE incident_id = ?', [row.id]))[0].n).toBe(1);
    });

    it('incidentUpdateAdd: the payload has the incident commented on, by id or number', async () => {
      const row = await newIncident();
      const res = await t.gql<{ incidentUpdateAdd: { update: { id: string }; incident: { id: string; updates: { id: string; body: string }[] } } }>(
        'mutation($id: ID!) { incidentUpdateAdd(input: { id: $id, body: "Public note.", visibility: PUBLIC }) { update { id } incident { id updates { id body } } } }',
        { id: row.number },
        auth.RESPONDER,
      );
      expect(res.errors).toBeUndefined();
      const payload = res.data!.incidentUpdateAdd;
      expect(payload.incident.id).toBe(row.id);
      expect(payload.incident.updates).toEqual([{ id: payload.update.id, body: 'Public note.' }]);
    });

    const assign: Pair = {
      old: { query: `mutation($id: ID!, $a: ID) { assignIncident(id: $id, assigneeId: $a) { ${INCIDENT_FIELDS} } }`, vars: (a) => a, pick: (x) => x },
      new: { query: `mutation($id: ID!, $a: ID) { incidentAssign(input: { id: $id, assigneeId: $a }) { incident { ${INCIDENT_FIELDS} } } }`, vars: (a) => a, pick: incident },
    };
    it.each(both(assign))('%s: MANAGER assigns and unassigns, stored; ENGINEER, another workspace’s incident and an unknown staff member are refused', async (_n, way) => {
      const row = await newIncident();
      const { got } = await call(way, { id: row.id, a: staff.ENGINEER!.user.id }, 'MANAGER');
      expect(got).toMatchObject({ id: row.id, assignee: { id: staff.ENGINEER!.user.id } });
      expect(await incidentRow(row.id)).toMatchObject({ assignee_id: staff.ENGINEER!.user.id });
      await refused(way, { id: row.id, a: null }, 'ENGINEER', 'FORBIDDEN');
      await refused(way, { id: row.id, a: null }, 'stranger', 'INCIDENT_NOT_FOUND', { key: 'id', real: row.id });
      await refused(way, { id: row.id, a: randomUUID() }, 'MANAGER', 'STAFF_MEMBER_NOT_FOUND');
      expect(await incidentRow(row.id)).toMatchObject({ assignee_id: staff.ENGINEER!.user.id });
      expect((await call(way, { id: row.id, a: null }, 'MANAGER')).got).toMatchObject({ assignee: null });
      expect(await incidentRow(row.id)).toMatchObject({ assignee_id: null });
    });

    const link: Pair = {
      old: { query: `mutation($p: ID!, $c: [ID!]!) { linkIncidents(parentId: $p, childIds: $c) { ${INCIDENT_FIELDS} } }`, vars: (a) => a, pick: (x) => x },
      new: { query: `mutation($p: ID!, $c: [ID!]!) { incidentLink(input: { parentId: $p, childIds: $c }) { incident { ${INCIDENT_FIELDS} } } }`, vars: (a) => a, pick: incident },
    };
    const unlink: Pair = {
      old: { query: `mutation($id: ID!) { unlinkIncident(id: $id) { ${INCIDENT_FIELDS} } }`, vars: (a) => a, pick: (x) => x },
      new: { query: `mutation($id: ID!) { incidentUnlink(input: { id: $id }) { incident { ${INCIDENT_FIELDS} } } }`, vars: (a) => a, pick: incident },
    };
    it.each([
      ['old', link.old, unlink.old],
      ['new', link.new, unlink.new],
    ] as const)('%s: ENGINEER links a report under a parent and unlinks it, stored; RESPONDER, the parent as its own child and another workspace are refused', async (_n, linkWay, unlinkWay) => {
      const parent = await newIncident();
      const child = await newIncident();
      const { got } = await call(linkWay, { p: parent.id, c: [child.number] }, 'ENGINEER');
      expect(got).toMatchObject({ id: parent.id, parentId: null });
      expect(await incidentRow(child.id)).toMatchObject({ parent_id: parent.id });
      await refused(linkWay, { p: parent.id, c: [child.id] }, 'RESPONDER', 'FORBIDDEN');
      await refused(linkWay, { p: parent.id, c: [parent.id] }, 'ENGINEER', 'VALIDATION_FAILED');
      await refused(linkWay, { p: parent.id, c: [child.id] }, 'stranger', 'INCIDENT_NOT_FOUND', { key: 'p', real: parent.id });

      await refused(unlinkWay, { id: child.id }, 'RESPONDER', 'FORBIDDEN');
      await refused(unlinkWay, { id: child.id }, 'stranger', 'INCIDENT_NOT_FOUND', { key: 'id', real: child.id });
      expect(await incidentRow(child.id)).toMatchObject({ parent_id: parent.id });
      expect((await call(unlinkWay, { id: child.id }, 'ENGINEER')).got).toMatchObject({ id: child.id, parentId: null });
      expect(await incidentRow(child.id)).toMatchObject({ parent_id: null });
    });

    it('incidentLink: the payload has the parent’s linked reports, those linked before included; incidentUnlink the parent left', async () => {
      const parent = await newIncident();
      const [first, second] = [await newIncident(), await newIncident()];
      await call(link.new, { p: parent.id, c: [first.id] }, 'ENGINEER');
      const res = await t.gql<{ incidentLink: { incident: { id: string }; children: { id: string; parentId: string }[] } }>(
        'mutation($p: ID!, $c: [ID!]!) { incidentLink(input: { parentId: $p, childIds: $c }) { incident { id } children { id parentId } } }',
        { p: parent.number, c: [second.id] },
        auth.ENGINEER,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.incidentLink.incident.id).toBe(parent.id);
      expect(res.data!.incidentLink.children.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
      expect(res.data!.incidentLink.children.every((c) => c.parentId === parent.id)).toBe(true);

      // incidentUnlink names the parent the report left (null when it was not linked: nothing changed).
      const unlinkOnce = () => t.gql<{ incidentUnlink: { incident: { id: string; parentId: string | null }; formerParentId: string | null } }>(
        'mutation($id: ID!) { incidentUnlink(input: { id: $id }) { incident { id parentId } formerParentId } }',
        { id: first.number },
        auth.ENGINEER,
      );
      expect((await unlinkOnce()).data!.incidentUnlink).toEqual({ incident: { id: first.id, parentId: null }, formerParentId: parent.id });
      expect((await unlinkOnce()).data!.incidentUnlink).toEqual({ incident: { id: first.id, parentId: null }, formerParentId: null });
    });
  });

  describe('participants, Ezra, SLA', () => {
    const participantsOf = async (id: string) => (await sql('SELECT customer_user_id FROM incident_participants WHERE incident_id = ?', [id])).map((r) => r.customer_user_id);
    const add: Pair = {
      old: { query: 'mutation($i: ID!, $u: ID!) { addIncidentParticipant(incidentId: $i, userId: $u) { id email } }', vars: (a) => a, pick: (x) => x },
      new: { query: 'mutation($i: ID!, $u: ID!) { incidentParticipantAdd(input: { incidentId: $i, userId: $u }) { participants { id email } incident { id } } }', vars: (a) => a, pick: (x) => x.participants },
    };
    const remove: Pair = {
      old: { query: 'mutation($i: ID!, $u: ID!) { removeIncidentParticipant(incidentId: $i, userId: $u) { id } }', vars: (a) => a, pick: (x) => x },
      new: { query: 'mutation($i: ID!, $u: ID!) { incidentParticipantRemove(input: { incidentId: $i, userId: $u }) { participants { id } removedUserId } }', vars: (a) => a, pick: (x) => x.participants },
    };
    it.each([
      ['old', add.old, remove.old],
      ['new', add.new, remove.new],
    ] as const)('%s: ENGINEER adds a colleague of the organization and removes them, stored; RESPONDER, another organization’s user and another workspace are refused', async (_n, addWay, removeWay) => {
      const row = await newIncident();
      expect((await call(addWay, { i: row.number, u: colleague.user.id }, 'ENGINEER')).got).toEqual([{ id: colleague.user.id, email: colleague.email }]);
      expect(await participantsOf(row.id)).toEqual([colleague.user.id]);
      await refused(addWay, { i: row.id, u: colleague.user.id }, 'RESPONDER', 'FORBIDDEN');
      await refused(addWay, { i: row.id, u: outsider.user.id }, 'ENGINEER', 'PORTAL_USER_NOT_FOUND');
      await refused(addWay, { i: row.id, u: colleague.user.id }, 'stranger', 'INCIDENT_NOT_FOUND', { key: 'i', real: row.id });
      await refused(removeWay, { i: row.id, u: colleague.user.id }, 'RESPONDER', 'FORBIDDEN');
      await refused(removeWay, { i: row.id, u: colleague.user.id }, 'stranger', 'INCIDENT_NOT_FOUND', { key: 'i', real: row.id });
      expect(await participantsOf(row.id)).toEqual([colleague.user.id]);
      expect((await call(removeWay, { i: row.id, u: colleague.user.id }, 'ENGINEER')).got).toEqual([]);
      expect(await participantsOf(row.id)).toEqual([]);
    });

    it('incidentParticipantAdd/Remove: the payloads have the incident and the removed user’s id', async () => {
      const row = await newIncident();
      const added = await call(add.new, { i: row.number, u: colleague.user.id }, 'ENGINEER');
      expect(added.res.data!.incidentParticipantAdd).toMatchObject({ incident: { id: row.id } });
      const removed = await call(remove.new, { i: row.id, u: colleague.user.id }, 'ENGINEER');
      expect(removed.res.data!.incidentParticipantRemove).toEqual({ participants: [], removedUserId: colleague.user.id });
    });

    const analyze: Pair = {
      old: { query: 'mutation($id: ID!, $a: AnalysisAudience) { analyzeIncident(id: $id, audience: $a) { id audience version } }', vars: (a) => a, pick: (x) => x },
      new: { query: 'mutation($id: ID!, $a: AnalysisAudience) { incidentAnalyze(input: { id: $id, audience: $a }) { analysis { id audience version } } }', vars: (a) => a, pick: (x) => x.analysis },
    };
    it.each(both(analyze))('%s: ENGINEER runs Ezra (ENGINEER audience by default, or the one asked for), stored; RESPONDER and another workspace are refused', async (_n, way) => {
      const row = await newIncident();
      const run = await call(way, { id: row.id }, 'ENGINEER');
      expect(run.res.errors).toBeUndefined();
      const first = run.got as Row;
      expect(first).toMatchObject({ audience: 'ENGINEER', version: 1 });
      expect((await call(way, { id: row.number, a: 'LEADERSHIP' }, 'ENGINEER')).got).toMatchObject({ audience: 'LEADERSHIP', version: 2 });
      expect(await sql('SELECT id, audience FROM incident_analyses WHERE incident_id = ? ORDER BY version', [row.id])).toEqual([
        { id: first.id, audience: 'ENGINEER' },
        { id: expect.any(String), audience: 'LEADERSHIP' },
      ]);
      await refused(way, { id: row.id }, 'RESPONDER', 'FORBIDDEN');
      await refused(way, { id: row.id }, 'stranger', 'INCIDENT_NOT_FOUND', { key: 'id', real: row.id });
      expect((await sql('SELECT count(*)::int AS n FROM incident_analyses WHERE incident_id = ?', [row.id]))[0].n).toBe(2);
    });

    const policy = (priority: string) => (list: unknown) => (list as Row[]).find((p) => p.priority === priority);
    const set: Pair = {
      old: { query: 'mutation($i: SetSlaPolicyInput!) { setSlaPolicy(input: $i) { priority responseMinutes resolutionMinutes isDefault } }', vars: (a) => ({ i: a }), pick: (x) => policy('LOW')(x) },
      new: {
        query: 'mutation($i: SlaPolicySetInput!) { slaPolicySet(input: $i) { slaPolicy { priority responseMinutes resolutionMinutes isDefault } slaPolicies { priority } } }',
        vars: (a) => ({ i: a }),
        pick: (x) => x.slaPolicy,
      },
    };
    const reset: Pair = {
      old: { query: 'mutation($p: Priority!) { resetSlaPolicy(priority: $p) { priority isDefault } }', vars: (a) => a, pick: (x) => policy('LOW')(x) },
      new: { query: 'mutation($p: Priority!) { slaPolicyReset(input: { priority: $p }) { slaPolicy { priority isDefault } slaPolicies { priority } } }', vars: (a) => a, pick: (x) => x.slaPolicy },
    };
    it.each([
      ['old', set.old, reset.old],
      ['new', set.new, reset.new],
    ] as const)('%s: MANAGER sets a priority’s targets and resets them, stored; ENGINEER and targets out of order are refused', async (_n, setWay, resetWay) => {
      const stored = async () => sql("SELECT response_minutes, resolution_minutes FROM sla_policies WHERE tenant_id = ? AND priority = 'LOW'", [acme.id]);
      expect((await call(setWay, { priority: 'LOW', responseMinutes: 90, resolutionMinutes: 600 }, 'MANAGER')).got).toEqual({ priority: 'LOW', responseMinutes: 90, resolutionMinutes: 600, isDefault: false });
      expect(await stored()).toEqual([{ response_minutes: 90, resolution_minutes: 600 }]);
      await refused(setWay, { priority: 'LOW', responseMinutes: 10, resolutionMinutes: 20 }, 'ENGINEER', 'FORBIDDEN');
      await refused(setWay, { priority: 'LOW', responseMinutes: 60, resolutionMinutes: 30 }, 'MANAGER', 'VALIDATION_FAILED');
      await refused(resetWay, { p: 'LOW' }, 'ENGINEER', 'FORBIDDEN');
      expect(await stored()).toEqual([{ response_minutes: 90, resolution_minutes: 600 }]);
      expect((await call(resetWay, { p: 'LOW' }, 'MANAGER')).got).toEqual({ priority: 'LOW', isDefault: true });
      expect(await stored()).toEqual([]);
    });

    it('slaPolicySet: the payload has every priority’s targets besides the one set', async () => {
      const { res } = await call(set.new, { priority: 'HIGH', responseMinutes: 15, resolutionMinutes: 120 }, 'MANAGER');
      expect(((res.data!.slaPolicySet as Row).slaPolicies as Row[]).map((p) => p.priority).sort()).toEqual(['CRITICAL', 'HIGH', 'LOW', 'MEDIUM']);
    });
  });

  describe('knowledge base', () => {
    const ARTICLE = 'id title status revision';
    const article = (x: Row) => x.article;
    const stored = async (id: string) => (await sql('SELECT title, status FROM kb_articles WHERE id = ?', [id]))[0];
    const ways = {
      create: {
        old: { query: `mutation($i: CreateKbArticleInput!) { createKbArticle(input: $i) { ${ARTICLE} } }`, vars: (a: Row) => ({ i: a }), pick: (x: Row) => x },
        new: { query: `mutation($i: KbArticleCreateInput!) { kbArticleCreate(input: $i) { article { ${ARTICLE} } } }`, vars: (a: Row) => ({ i: a }), pick: article },
      },
      update: {
        old: { query: `mutation($id: ID!, $title: String) { updateKbArticle(id: $id, input: { title: $title }) { ${ARTICLE} } }`, vars: (a: Row) => a, pick: (x: Row) => x },
        new: { query: `mutation($id: ID!, $title: String) { kbArticleUpdate(input: { id: $id, title: $title }) { article { ${ARTICLE} } } }`, vars: (a: Row) => a, pick: article },
      },
      publish: {
        old: { query: `mutation($id: ID!) { publishKbArticle(id: $id) { ${ARTICLE} } }`, vars: (a: Row) => a, pick: (x: Row) => x },
        new: { query: `mutation($id: ID!) { kbArticlePublish(input: { id: $id }) { article { ${ARTICLE} } } }`, vars: (a: Row) => a, pick: article },
      },
      archive: {
        old: { query: `mutation($id: ID!) { archiveKbArticle(id: $id) { ${ARTICLE} } }`, vars: (a: Row) => a, pick: (x: Row) => x },
        new: { query: `mutation($id: ID!) { kbArticleArchive(input: { id: $id }) { article { ${ARTICLE} } } }`, vars: (a: Row) => a, pick: article },
      },
      restore: {
        old: { query: `mutation($id: ID!, $r: Int!) { restoreKbArticleRevision(id: $id, revision: $r) { ${ARTICLE} } }`, vars: (a: Row) => a, pick: (x: Row) => x },
        new: { query: `mutation($id: ID!, $r: Int!) { kbArticleRevisionRestore(input: { id: $id, revision: $r }) { article { ${ARTICLE} } } }`, vars: (a: Row) => a, pick: article },
      },
    };
    const take = (which: 'old' | 'new') => Object.fromEntries(Object.entries(ways).map(([k, v]) => [k, v[which]])) as Record<keyof typeof ways, Way>;

    it.each([['old', take('old')] as const, ['new', take('new')] as const])(
      '%s: ENGINEER writes, edits, publishes, archives and restores an article, each stored; RESPONDER, another workspace and a missing revision are refused',
      async (n, w) => {
        const created = (await call(w.create, { title: `Reset the cache ${n}`, markdown: 'Run `cache:clear`.', visibility: 'PUBLIC' }, 'ENGINEER')).got as Row;
        expect(created).toMatchObject({ title: `Reset the cache ${n}`, status: 'DRAFT', revision: 1 });
        const id = created.id as string;
        expect(await stored(id)).toEqual({ title: `Reset the cache ${n}`, status: 'DRAFT' });
        expect((await call(w.update, { id, title: `Clear the cache ${n}` }, 'ENGINEER')).got).toMatchObject({ id, title: `Clear the cache ${n}`, revision: 2 });
        expect((await call(w.publish, { id }, 'ENGINEER')).got).toMatchObject({ id, status: 'PUBLISHED' });
        expect(await stored(id)).toEqual({ title: `Clear the cache ${n}`, status: 'PUBLISHED' });
        expect((await call(w.archive, { id }, 'ENGINEER')).got).toMatchObject({ id, status: 'ARCHIVED' });
        expect((await call(w.restore, { id, r: 1 }, 'ENGINEER')).got).toMatchObject({ id, title: `Reset the cache ${n}`, revision: 3 });
        expect(await stored(id)).toEqual({ title: `Reset the cache ${n}`, status: 'ARCHIVED' });

        await refused(w.create, { title: 'x', markdown: 'x', visibility: 'PUBLIC' }, 'RESPONDER', 'FORBIDDEN');
        for (const [way, args] of [
          [w.update, { id, title: 'x' }],
          [w.publish, { id }],
          [w.archive, { id }],
          [w.restore, { id, r: 1 }],
        ] as const) {
          await refused(way, args, 'RESPONDER', 'FORBIDDEN');
          await refused(way, args, 'stranger', 'ARTICLE_NOT_FOUND', { key: 'id', real: id });
        }
        await refused(w.restore, { id, r: 99 }, 'ENGINEER', 'REVISION_NOT_FOUND');
        expect(await stored(id)).toEqual({ title: `Reset the cache ${n}`, status: 'ARCHIVED' });
      },
    );

    it('the new mutations take the slug as well as the id, as the old ones do', async () => {
      const a = await createArticle(t.em(), acme, { title: 'Rotate keys', slug: 'rotate-keys', markdown: 'Rotate.', status: 'DRAFT' });
      expect((await call(ways.publish.new, { id: 'rotate-keys' }, 'ENGINEER')).got).toMatchObject({ id: a.id, status: 'PUBLISHED' });
    });
  });
});
