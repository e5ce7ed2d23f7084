import { verifySignature } from '../../src/modules/notifications/webhook';
import { createCustomerOrg, createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { createWebhookRow } from '../factories/webhooks';
import { startTestApp, type TestApp } from '../setup/app';
import { startReceiver, type Receiver } from '../setup/webhook-receiver';

type Envelope<T = unknown> = { success: boolean; data: T };
type Hook = {
  id: string;
  type: string;
  timestamp: string;
  payload: { incident: { id: string; number: string; techDescription?: unknown }; participant: { id: string; displayName: string | null } | null; by: string; left?: boolean };
};

/**
 * Participant changes reach webhooks as `incident.participant_added` and `incident.participant_removed`: outbox events
 * written with the change, delivered by the worker to a real HTTP receiver, signed, with the customer view of the
 * ticket and the participant's id and display name only.
 */
describe('participant changes as webhook events', () => {
  let t: TestApp;
  let receiver: Receiver;
  let secret: string;
  const auth: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestApp({ WORKER_ENABLED: 'true', WORKER_POLL_INTERVAL_MS: '100', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    const acme = await createTenant(em, { slug: 'part-events' });
    const org = await createCustomerOrg(em, acme, 'OWN', 'Initech');
    const engineer = await createStaff(em, hasher, { tenant: acme, role: 'ENGINEER', email: 'engineer@part-events.test' });
    auth.engineer = (await login(t, engineer.email, engineer.password)).auth;
    const admin = await createStaff(em, hasher, { tenant: acme, role: 'ADMIN', email: 'admin@part-events.test' });
    auth.admin = (await login(t, admin.email, admin.password)).auth;
    const rita = await createCustomerUser(em, hasher, acme, { org, email: 'rita@part-events.test', name: 'Rita Reporter' });
    const fred = await createCustomerUser(em, hasher, acme, { org, email: 'fred@part-events.test', name: 'Fred Colleague' });
    auth.rita = await portalLogin(t, 'part-events', rita.email, rita.password);
    auth.fred = await portalLogin(t, 'part-events', fred.email, fred.password);
    ids.fred = fred.user.id;
    ({ secret } = await createWebhookRow(t.em(), t.app.runtime.webhookSecrets, acme.id, {
      url: `${receiver.url}/people`,
      eventTypes: ['incident.participant_added', 'incident.participant_removed'],
    }));
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  const hooks = async (count: number) => {
    const got = await receiver.waitFor('/people', count, 15000);
    for (const h of got) expect(verifySignature(secret, h.body, h.headers['x-webhook-signature'] as string, Math.floor(Date.now() / 1000))).toBe(true);
    return got.map((h) => JSON.parse(h.body) as Hook);
  };

  it('added by the reporter, removed by staff, added again and left: one signed event each, in order, with nothing internal', async () => {
    const created = await t.rest<Envelope<{ id: string; number: string }>>(
      'POST',
      '/api/v1/portal/tickets',
      { type: 'INCIDENT', title: 'Printer on fire', description: 'Smoke.', priority: 'HIGH' },
      auth.rita,
    );
    const ticket = created.body.data;
    const fred = { id: ids.fred, displayName: 'Fred Colleague' };

    expect((await t.rest('POST', `/api/v1/portal/tickets/${ticket.id}/participants`, { userId: ids.fred }, auth.rita)).status).toBe(200);
    // Adding again changes nothing: no second event.
    expect((await t.rest('POST', `/api/v1/portal/tickets/${ticket.id}/participants`, { userId: ids.fred }, auth.rita)).status).toBe(200);
    const [added] = await hooks(1);
    expect(added).toMatchObject({ type: 'incident.participant_added', payload: { incident: { id: ticket.id, number: ticket.number }, participant: fred, by: 'CUSTOMER' } });
    expect(added.payload.incident).not.toHaveProperty('techDescription');

    const removed = await t.gql('mutation($i: ID!, $u: ID!) { removeIncidentParticipant(incidentId: $i, userId: $u) { id } }', { i: ticket.id, u: ids.fred }, auth.engineer);
    expect(removed.errors).toBeUndefined();
    const [, byStaff] = await hooks(2);
    expect(byStaff).toMatchObject({ type: 'incident.participant_removed', payload: { participant: fred, by: 'STAFF', left: false } });

    await t.gql('mutation($i: ID!, $u: ID!) { addIncidentParticipant(incidentId: $i, userId: $u) { id } }', { i: ticket.id, u: ids.fred }, auth.engineer);
    const left = await t.gql<{ leaveTicket: boolean }>('mutation($t: ID!) { leaveTicket(ticketId: $t) }', { t: ticket.id }, auth.fred);
    expect(left.data?.leaveTicket).toBe(true);
    // The last two may be dispatched side by side: in the order they happened, by their events' time.
    const all = (await hooks(4)).sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.type.localeCompare(b.type));
    expect(all.map((h) => [h.type, h.payload.by, h.payload.left])).toEqual([
      ['incident.participant_added', 'CUSTOMER', undefined],
      ['incident.participant_removed', 'STAFF', false],
      ['incident.participant_added', 'STAFF', undefined],
      ['incident.participant_removed', 'CUSTOMER', true],
    ]);
    expect(new Set(all.map((h) => h.id)).size).toBe(4);
    // The events are the outbox's, written with each change.
    const [{ n }] = await t.em().getConnection().execute<{ n: number }[]>("SELECT count(*)::int AS n FROM outbox_events WHERE type LIKE 'incident.participant_%' AND payload->>'incidentId' = ?", [ticket.id]);
    expect(n).toBe(4);
  });

  it('an ADMIN may subscribe an endpoint to the participant events', async () => {
    const ok = await t.gql<{ createWebhookEndpoint: { endpoint: { eventTypes: string[] } } }>(
      'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { eventTypes } } }',
      { i: { url: `${receiver.url}/other`, eventTypes: ['incident.participant_added', 'incident.participant_removed'] } },
      auth.admin,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createWebhookEndpoint.endpoint.eventTypes).toEqual(['incident.participant_added', 'incident.participant_removed']);
  });
});
