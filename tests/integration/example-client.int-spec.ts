import path from 'node:path';
import { ApiError, IncidentDeskClient } from '../../examples/client/src/client';
import { acknowledge, myTickets, nextStatus, portalSignIn, reportTicket, staffSignIn, workspaceIncidents } from '../../examples/client/src/flows';
import { createCustomerOrg, createCustomerUser } from '../factories/portal';
import { createStaff } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { until } from '../setup/wait';

const MANIFEST = path.join(__dirname, '../../examples/client/src/gql/persisted-documents.json');

/**
 * The example client (examples/client: codegen's client preset, a small fetch and graphql-ws client) run
 * against the real server as a frontend team runs it: the portal and staff flows over HTTP and the WebSocket,
 * and the same client in a server that runs its trusted documents only (the manifest codegen wrote).
 */
describe.each([
  ['the server as it comes', {}, false],
  ['a server running trusted documents only (codegen\u2019s manifest)', { GRAPHQL_TRUSTED_DOCUMENTS: MANIFEST }, true],
] as const)('the example client against %s', (_name, env, persisted) => {
  let t: TestApp;
  let client: IncidentDeskClient;
  const slug = `example-${persisted ? 'trusted' : 'open'}`;
  let customer: { email: string; password: string };
  let engineer: { email: string; password: string };
  const opened: IncidentDeskClient[] = [];

  beforeAll(async () => {
    t = await startTestApp({ ...env }, { overHttp: true });
    const em = t.em();
    const tenant = await createTenant(em, { slug });
    const org = await createCustomerOrg(em, tenant);
    const c = await createCustomerUser(em, t.app.runtime.passwords, tenant, { org });
    customer = { email: c.email, password: c.password };
    const e = await createStaff(em, t.app.runtime.passwords, { tenant, role: 'ENGINEER' });
    engineer = { email: e.email, password: e.password };
    client = new IncidentDeskClient({ url: t.url, persisted });
  });
  afterAll(async () => {
    for (const c of opened) await c.close();
    await t?.close();
  });

  it('a customer signs in, reports tickets and pages through them by cursor; staff see them in the workspace list', async () => {
    const portal = await portalSignIn(client, { workspace: slug, ...customer });
    const reported = [];
    for (let i = 0; i < 5; i++) reported.push(await reportTicket(portal, `Example ticket ${i}`, `example-${slug}-${i}`));
    expect(reported.map((r) => r.status)).toEqual(Array(5).fill('OPEN'));
    // A retry with the same idempotency key is the first ticket, not a sixth.
    expect((await reportTicket(portal, 'Example ticket 0', `example-${slug}-0`)).id).toBe(reported[0].id);

    const mine = await myTickets(portal, 2); // three pages of 2, 2 and 1
    expect(mine.map((x) => x.number).sort()).toEqual(reported.map((r) => r.number).sort());
    const staff = await staffSignIn(client, engineer);
    const all = await workspaceIncidents(staff, 2);
    expect(all.map((x) => x.id)).toEqual(expect.arrayContaining(reported.map((r) => r.id)));
  });

  it('a customer follows a ticket live while staff acknowledge it', async () => {
    const portal = await portalSignIn(client, { workspace: slug, ...customer });
    const staff = await staffSignIn(client, engineer);
    opened.push(portal);
    const ticket = await reportTicket(portal, 'Follow me');
    const before = t.app.runtime.live.subscribers;
    const follow = nextStatus(portal, ticket.id);
    await follow.ready;
    await until(() => t.app.runtime.live.subscribers > before, 'the subscription to open');
    expect((await acknowledge(staff, ticket.id, 'On it.')).status).toBe('ACKNOWLEDGED');
    await expect(follow.status).resolves.toBe('ACKNOWLEDGED');
    follow.stop();
  });

  it('errors arrive coded: a customer asking for the workspace list is refused with FORBIDDEN', async () => {
    const portal = await portalSignIn(client, { workspace: slug, ...customer });
    const refused = await workspaceIncidents(portal, 2).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('FORBIDDEN');
  });
});
