import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { codeIn, startMailbox, type Mailbox } from '../setup/mailbox';
import { startTestApp, type TestApp } from '../setup/app';
import { documentClient } from '../setup/document-client';

/**
 * ../shared/seeds/scrubbe-customer-portal.txt, run end to end by a client written from the document alone:
 * companies, register, login, create-incident, get-incident, get-incidents. The staff side (REST-CONTRACT.md
 * /api/v1/incidents) answers the incident as a support team would, with a public reply and an internal note.
 */
describe('scrubbe-customer-portal.txt, by a client written from the document', () => {
  let t: TestApp;
  let mail: Mailbox;
  let api: ReturnType<typeof documentClient>;
  let staffToken: string;
  beforeAll(async () => {
    mail = await startMailbox();
    t = await startTestApp({ SMTP_URL: mail.url });
    api = documentClient(`${t.url}/api/v1`);
    const acme = await createTenant(t.em(), { name: 'Acme Shop', slug: 'acme-shop', allowCustomerSignup: true });
    const staff = await createStaff(t.em(), t.app.runtime.passwords, { tenant: acme, role: 'ADMIN' });
    staffToken = (await login(t, staff.email, staff.password)).accessToken;
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it('a customer signs up, reports incidents in the spellings people use, follows them, and signs out', async () => {
    // 1. Fetch companies on load.
    const companies = await api<{ id: string; name: string }[]>('GET', '/customer/companies');
    const company = companies.body.data.find((c) => c.name === 'Acme Shop')!;
    expect(company).toMatchObject({ id: expect.any(String), name: 'Acme Shop' });

    // 2. Register the user under the selected company.
    const email = 'alex@acme-customer.test';
    const password = 'Checkout-Was-Broken-30';
    const registered = await api('POST', '/customer/register', { body: { email, password, name: 'Alex Johnson', companyId: company.id } });
    expect(registered.status).toBe(201);
    // Beyond the document: the address is verified with the e-mailed code before the first login.
    const otp = codeIn(await mail.next(email));
    const early = await api('POST', '/customer/login', { body: { email, password } });
    expect([early.status, early.body.errors?.[0].code]).toEqual([403, 'EMAIL_NOT_VERIFIED']);
    expect((await api('POST', '/customer/verify_email', { body: { email, otp, companyId: company.id } })).status).toBe(200);

    // 3. Authenticate and store the token.
    const session = await api('POST', '/customer/login', { body: { email, password } });
    expect(session.status).toBe(200);
    expect(session.body.data).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), customer: { email, name: 'Alex Johnson', companyId: company.id } });
    const { refreshToken } = session.body.data;
    let token = session.body.data.accessToken as string;
    for (let i = 0; i < 3; i++) {
      const refreshed = await api('POST', '/customer/refresh-token', { body: { refreshToken } });
      expect(refreshed.status).toBe(200);
      token = refreshed.body.data.accessToken;
      expect((await api('GET', '/customer/get-incidents', { token })).status).toBe(200);
    }

    // 5. Surface the incident form: the document's body, with priorities as people write them.
    const checkout = await api('POST', '/customer/create-incident', {
      token,
      body: { summary: 'Unable to complete checkout', description: 'Getting a 500 error when clicking Pay Now. Started approximately 30 minutes ago.', priority: 'HIGH' },
    });
    expect(checkout.status).toBe(201);
    expect(checkout.body.data).toMatchObject({ id: expect.any(String), number: expect.any(String), status: 'OPEN', priority: 'HIGH' });
    const slow = await api('POST', '/customer/create-incident', { token, body: { summary: 'Search is slow', description: 'Results take ten seconds.', priority: 'medium' } });
    expect([slow.status, slow.body.data.priority]).toEqual([201, 'MEDIUM']);
    const low = await api('POST', '/customer/create-incident', { token, body: { summary: 'Typo on invoice', description: 'Adress is misspelt.', priority: 'Low' } });
    expect([low.status, low.body.data.priority]).toEqual([201, 'LOW']);
    const wrong = await api('POST', '/customer/create-incident', { token, body: { summary: 'X', description: 'Y', priority: 'urgent-ish' } });
    expect([wrong.status, wrong.body.errors?.[0].field]).toEqual([400, 'priority']);

    // The support team answers: a public reply, an internal note, a status change (staff REST, same spellings).
    const id = checkout.body.data.id as string;
    const staff = { token: staffToken };
    expect((await api('POST', `/incidents/${id}/updates`, { ...staff, body: { body: 'We are looking into checkout errors.', visibility: 'public' } })).status).toBe(201);
    expect((await api('POST', `/incidents/${id}/updates`, { ...staff, body: { body: 'Payment provider key expired.', visibility: 'Internal' } })).status).toBe(201);
    expect((await api('POST', `/incidents/${id}/status`, { ...staff, body: { status: 'acknowledged' } })).status).toBe(200);

    // Retrieve a customer incident: status, summary and public updates, nothing internal.
    const view = await api('GET', `/customer/get-incident/${id}`, { token });
    expect(view.status).toBe(200);
    expect(view.body.data).toMatchObject({ id, summary: 'Unable to complete checkout', status: 'ACKNOWLEDGED', priority: 'HIGH' });
    expect(view.body.data.updates.map((u: { body: string }) => u.body)).toContain('We are looking into checkout errors.');
    expect(JSON.stringify(view.body)).not.toMatch(/Payment provider key|techDescription/);

    // 4. The incident dashboard, with filters in any case.
    const all = await api<{ items: { id: string }[]; pagination: { total: number } }>('GET', '/customer/get-incidents', { token });
    expect(all.body.data.pagination.total).toBe(3);
    const acknowledged = await api<{ items: { id: string }[] }>('GET', '/customer/get-incidents?status=Acknowledged', { token });
    expect(acknowledged.body.data.items.map((i) => i.id)).toEqual([id]);
    const medium = await api<{ items: { id: string }[] }>('GET', '/customer/get-incidents?priority=medium', { token });
    expect(medium.body.data.items.map((i) => i.id)).toEqual([slow.body.data.id]);

    const out = await api('POST', '/customer/logout', { token, headers: { 'content-type': 'application/json' } });
    expect([out.status, out.body.data]).toEqual([200, {}]);
    expect((await api('GET', '/customer/get-incidents', { token })).status).toBe(401);
    expect((await api('POST', '/customer/refresh-token', { body: { refreshToken } })).status).toBe(401);
  });
});
