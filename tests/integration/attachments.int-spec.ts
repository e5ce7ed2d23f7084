import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Customer } from '../../src/modules/customer/customer.entity';
import type { Tenant } from '../../src/modules/tenant/tenant.entity';
import { createCustomerOrg, createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { createWebhookRow } from '../factories/webhooks';
import { startTestApp, type TestApp } from '../setup/app';
import { startMailbox, type Mailbox, type ReceivedMail } from '../setup/mailbox';
import { afterMarker } from '../setup/deliveries';
import { startReceiver, type Receiver } from '../setup/webhook-receiver';
import { until } from '../setup/wait';

type Envelope<T = unknown> = { success: boolean; message: string; data: T; errors?: { code: string; field?: string; message: string }[] };
type Attachment = { id: string; incidentId: string; updateId: string | null; fileName: string; contentType: string; size: number; sha256: string; createdAt: string; downloadUrl: string };
type Uploaded = Envelope<{ attachments: Attachment[] }>;
type FilePart = { name: string; bytes: Buffer | string; type?: string };

const MiB = 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A minimal ELF header, a PE ("MZ") header and a PDF: what the sniffing sees, whatever the name says. */
const ELF = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), randomBytes(200)]);
const PE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), randomBytes(100)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';
const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';

describe('attachments: upload, download and visibility', () => {
  let t: TestApp;
  let acme: Tenant;
  let shared: Customer;
  let own: Customer;
  const auth: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    // The JSON body limit stays at 1 MiB; a file may be 3 MiB, a ticket 6 MiB, an upload 3 files.
    t = await startTestApp({ BODY_LIMIT_BYTES: String(MiB), ATTACHMENT_MAX_BYTES: String(3 * MiB), ATTACHMENT_MAX_TICKET_BYTES: String(6 * MiB), ATTACHMENT_MAX_FILES: '3' });
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    acme = await createTenant(em, { slug: 'att-acme' });
    const globex = await createTenant(em, { slug: 'att-globex' });
    const engineer = await createStaff(em, hasher, { tenant: acme, role: 'ENGINEER', email: 'engineer@att.test' });
    const responder = await createStaff(em, hasher, { tenant: acme, role: 'RESPONDER', email: 'responder@att.test' });
    const viewer = await createStaff(em, hasher, { tenant: acme, role: 'VIEWER', email: 'viewer@att.test' });
    const globexAdmin = await createStaff(em, hasher, { tenant: globex, role: 'ADMIN', email: 'admin@globex-att.test' });
    for (const [name, s] of Object.entries({ engineer, responder, viewer, globexAdmin })) auth[name] = (await login(t, s.email, s.password)).auth;
    shared = await createCustomerOrg(em, acme, 'ORGANIZATION', 'Initech');
    own = await createCustomerOrg(em, acme, 'OWN', 'Umbrella');
    const users = {
      rita: await createCustomerUser(em, hasher, acme, { org: shared, email: 'rita@att.test' }),
      fred: await createCustomerUser(em, hasher, acme, { org: shared, email: 'fred@att.test' }),
      olga: await createCustomerUser(em, hasher, acme, { org: own, email: 'olga@att.test' }),
      oscar: await createCustomerUser(em, hasher, acme, { org: own, email: 'oscar@att.test' }),
      otto: await createCustomerUser(em, hasher, acme, { email: 'otto@att.test' }),
    };
    for (const [name, u] of Object.entries(users)) auth[name] = await portalLogin(t, 'att-acme', u.email, u.password);
    const gina = await createCustomerUser(em, hasher, globex, { email: 'gina@att.test' });
    auth.gina = await portalLogin(t, 'att-globex', gina.email, gina.password);
  });
  afterAll(() => t?.close());

  const createTicket = async (who = 'rita', title = 'Export fails') => {
    const res = await t.rest<Envelope<{ id: string; number: string }>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title, description: 'The CSV export times out.', priority: 'HIGH' }, auth[who]);
    expect(res.status).toBe(201);
    return res.body.data;
  };
  const staffUpdate = async (id: string, visibility: 'PUBLIC' | 'INTERNAL') => {
    const res = await t.rest<Envelope<{ id: string }>>('POST', `/api/v1/incidents/${id}/updates`, { body: `A ${visibility} note`, visibility }, auth.engineer);
    expect(res.status).toBe(201);
    return res.body.data.id;
  };

  /** A multipart upload over a real socket, as a browser's FormData sends it. */
  const upload = async (path: string, files: FilePart[], headers: Record<string, string> = {}, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append('file', new Blob([f.bytes], { type: f.type ?? 'application/pdf' }), f.name);
    const res = await fetch(`${t.url}${path}`, { method: 'POST', body: form, headers });
    const text = await res.text();
    let body: Uploaded = undefined as never;
    try {
      body = JSON.parse(text) as Uploaded;
    } catch {
      /* asserted on text */
    }
    return { status: res.status, text, body };
  };
  const download = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}${path}`, { headers });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
  };
  const portal = (ticket: string) => `/api/v1/portal/tickets/${ticket}/attachments`;
  const customerDoor = (ticket: string) => `/api/v1/customer/incidents/${ticket}/attachments`;
  const staffDoor = (ticket: string) => `/api/v1/incidents/${ticket}/attachments`;
  const counts = async () => {
    const [row] = await t.em().getConnection().execute<{ a: number; c: number; audit: number }[]>(
      `SELECT (SELECT count(*) FROM attachments)::int AS a, (SELECT count(*) FROM attachment_chunks)::int AS c, (SELECT count(*) FROM audit_log WHERE action LIKE 'attachment.%')::int AS audit`,
    );
    return row;
  };

  it('a customer uploads to their ticket; the bytes come back identical, with download-only headers and a sniffed type', async () => {
    const ticket = await createTicket();
    const res = await upload(portal(ticket.id), [{ name: '../../etc/report\u202e.pdf', bytes: PDF, type: 'text/html' }], auth.rita);
    expect(res.status).toBe(201);
    const [a] = res.body.data.attachments;
    expect(a).toMatchObject({ incidentId: ticket.id, updateId: null, fileName: 'report.pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) });
    expect(a.downloadUrl).toBe(`${portal(ticket.id)}/${a.id}`);

    const got = await download(a.downloadUrl, auth.rita);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(PDF)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    // By number too, at the other customer door, and by staff at theirs; and listed.
    expect((await download(`${customerDoor(ticket.number)}/${a.id}`, auth.rita)).bytes.equals(PDF)).toBe(true);
    expect((await download(`${staffDoor(ticket.id)}/${a.id}`, auth.viewer)).bytes.equals(PDF)).toBe(true);
    const listed = await t.rest<Uploaded>('GET', staffDoor(ticket.id), undefined, auth.viewer);
    expect(listed.body.data.attachments.map((x) => [x.id, x.downloadUrl])).toEqual([[a.id, `${staffDoor(ticket.id)}/${a.id}`]]);
  });

  it('an attachment on an INTERNAL update is never a customer’s: it answers exactly like a missing one; PUBLIC ones they get', async () => {
    const ticket = await createTicket();
    const internal = await staffUpdate(ticket.id, 'INTERNAL');
    const pub = await staffUpdate(ticket.id, 'PUBLIC');
    const onInternal = await upload(staffDoor(ticket.id), [{ name: 'db-dump.txt', bytes: 'password hashes\n' }], auth.responder, { updateId: internal });
    expect(onInternal.status).toBe(201);
    const onPublic = await upload(staffDoor(ticket.id), [{ name: 'status.txt', bytes: 'all good\n' }], auth.responder, { updateId: pub });
    expect(onPublic.status).toBe(201);
    const hidden = onInternal.body.data.attachments[0];
    const shown = onPublic.body.data.attachments[0];
    expect(hidden.updateId).toBe(internal);

    for (const door of [portal, customerDoor]) {
      const real = await download(`${door(ticket.id)}/${hidden.id}`, auth.rita);
      const ghost = await download(`${door(ticket.id)}/${randomUUID()}`, auth.rita);
      expect(real.status).toBe(404);
      expect(real.text).toBe(ghost.text);
      expect(JSON.parse(real.text).errors[0].code).toBe('ATTACHMENT_NOT_FOUND');
      expect((await download(`${door(ticket.id)}/${shown.id}`, auth.rita)).text).toBe('all good\n');
    }
    const listed = await t.rest<Uploaded>('GET', portal(ticket.id), undefined, auth.rita);
    expect(listed.body.data.attachments.map((x) => x.id)).toEqual([shown.id]);
    // Staff see both.
    expect((await download(`${staffDoor(ticket.id)}/${hidden.id}`, auth.viewer)).text).toBe('password hashes\n');
    // GraphQL timelines say the same: the customer's ticket lists the PUBLIC update's file only, staff both.
    type Timeline = { attachments: { id: string; updateId: string | null; downloadUrl: string; fileName: string }[] };
    const fields = 'attachments { id updateId fileName contentType size createdAt downloadUrl }';
    const mine = await t.gql<{ ticket: Timeline }>(`query($id: ID!) { ticket(id: $id) { ${fields} } }`, { id: ticket.id }, auth.rita);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.ticket.attachments.map((a) => [a.id, a.downloadUrl])).toEqual([[shown.id, `${portal(ticket.id)}/${shown.id}`]]);
    expect(mine.data!.ticket.attachments.map((a) => a.updateId)).toEqual([pub]);
    const page = await t.gql<{ tickets: { items: { id: string; attachments: { id: string }[] }[] } }>('{ tickets(limit: 50) { items { id attachments { id } } } }', undefined, auth.rita);
    expect(page.data!.tickets.items.find((i) => i.id === ticket.id)!.attachments).toEqual([{ id: shown.id }]);
    const staffView = await t.gql<{ incident: Timeline }>(`query($id: ID!) { incident(id: $id) { ${fields} } }`, { id: ticket.id }, auth.viewer);
    expect(staffView.errors).toBeUndefined();
    expect(staffView.data!.incident.attachments.map((a) => a.id)).toEqual([hidden.id, shown.id]);
    expect(staffView.data!.incident.attachments.map((a) => a.updateId)).toEqual([internal, pub]);
    // And the REST timelines (they run those operations).
    const restTicket = await t.rest<Envelope<{ attachments: Attachment[] }>>('GET', `/api/v1/portal/tickets/${ticket.id}`, undefined, auth.rita);
    expect(restTicket.body.data.attachments.map((a) => a.id)).toEqual([shown.id]);
    const restIncident = await t.rest<Envelope<{ attachments: Attachment[] }>>('GET', `/api/v1/incidents/${ticket.id}`, undefined, auth.viewer);
    expect(restIncident.body.data.attachments.map((a) => a.id)).toEqual([hidden.id, shown.id]);
    // A customer cannot hang a file on an INTERNAL update (nor on staff's PUBLIC one): refused, nothing stored.
    const before = await counts();
    for (const updateId of [internal, pub, randomUUID()]) {
      const res = await upload(portal(ticket.id), [{ name: 'x.txt', bytes: 'x' }], auth.rita, { updateId });
      expect([res.status, res.body.errors?.[0].field]).toEqual([400, 'updateId']);
    }
    expect(await counts()).toEqual(before);
  });

  it('other customers, organizations and workspaces get exactly what a missing attachment gets', async () => {
    const initech = await createTicket('rita');
    const umbrella = await createTicket('olga');
    const a = (await upload(portal(initech.id), [{ name: 'a.pdf', bytes: PDF }], auth.rita)).body.data.attachments[0];
    const b = (await upload(portal(umbrella.id), [{ name: 'b.pdf', bytes: PDF }], auth.olga)).body.data.attachments[0];
    // Fred shares Initech's tickets; Oscar does not share Umbrella's (OWN); Otto has no organization; Gina is another workspace.
    expect((await download(`${portal(initech.id)}/${a.id}`, auth.fred)).status).toBe(200);
    const refused: [string, string, string][] = [
      ['oscar', umbrella.id, b.id],
      ['otto', initech.id, a.id],
      ['gina', initech.id, a.id],
      ['olga', initech.id, a.id],
    ];
    for (const [who, ticket, id] of refused) {
      for (const door of [portal, customerDoor]) {
        const real = await download(`${door(ticket)}/${id}`, auth[who]);
        const ghost = await download(`${door(ticket)}/${randomUUID()}`, auth[who]);
        const ghostTicket = await download(`${door(randomUUID())}/${randomUUID()}`, auth[who]);
        expect([who, real.status]).toEqual([who, 404]);
        expect(real.text).toBe(ghost.text);
        expect(real.text).toBe(ghostTicket.text);
      }
    }
    // Another workspace's staff: the same; a customer token at the staff door and a staff token at the portal: 403; none: 401.
    const theirs = await download(`${staffDoor(initech.id)}/${a.id}`, auth.globexAdmin);
    expect(theirs.status).toBe(404);
    expect(theirs.text).toBe((await download(`${staffDoor(initech.id)}/${randomUUID()}`, auth.globexAdmin)).text);
    expect((await download(`${staffDoor(initech.id)}/${a.id}`, auth.rita)).status).toBe(403);
    expect((await download(`${portal(initech.id)}/${a.id}`, auth.engineer)).status).toBe(403);
    expect((await download(`${portal(initech.id)}/${a.id}`)).status).toBe(401);
    // Uploads to a ticket one may not see answer like a missing ticket, and store nothing.
    const before = await counts();
    const up = await upload(portal(initech.id), [{ name: 'x.pdf', bytes: PDF }], auth.otto);
    const ghostUp = await upload(portal(randomUUID()), [{ name: 'x.pdf', bytes: PDF }], auth.otto);
    expect([up.status, up.body.errors?.[0].code]).toEqual([404, 'INCIDENT_NOT_FOUND']);
    expect(up.text).toBe(ghostUp.text);
    expect((await upload(staffDoor(initech.id), [{ name: 'x.pdf', bytes: PDF }], auth.viewer)).status).toBe(403); // VIEWER reads only
    expect(await counts()).toEqual(before);
  });

  it('refuses executables by their bytes whatever the name, too many and too large files, a full ticket: coded, nothing stored', async () => {
    const ticket = await createTicket();
    const before = await counts();
    const cases: [FilePart[], number, string][] = [
      [[{ name: 'invoice.pdf', bytes: ELF }], 415, 'ATTACHMENT_TYPE_REFUSED'],
      [[{ name: 'invoice.pdf', bytes: PE }], 415, 'ATTACHMENT_TYPE_REFUSED'],
      [[{ name: 'notes.txt', bytes: '#!/bin/sh\nrm -rf /\n' }], 415, 'ATTACHMENT_TYPE_REFUSED'],
      [[{ name: 'run.bat', bytes: 'echo hi\r\n' }], 415, 'ATTACHMENT_TYPE_REFUSED'],
      // A good file first, then a bad one: the good one is not kept either.
      [[{ name: 'ok.pdf', bytes: PDF }, { name: 'photo.pdf', bytes: ELF }], 415, 'ATTACHMENT_TYPE_REFUSED'],
      [[1, 2, 3, 4].map((n) => ({ name: `f${n}.txt`, bytes: `file ${n}` })), 400, 'TOO_MANY_ATTACHMENTS'],
      [[{ name: 'big.bin', bytes: Buffer.alloc(3 * MiB + 1, 1) }], 413, 'ATTACHMENT_TOO_LARGE'],
    ];
    for (const [files, status, code] of cases) {
      const res = await upload(portal(ticket.id), files, auth.rita);
      expect([files[files.length - 1].name, res.status, res.body.errors?.[0].code]).toEqual([files[files.length - 1].name, status, code]);
    }
    // Not multipart: 415, as on every other route for a type it does not take.
    const json = await t.rest<Envelope>('POST', portal(ticket.id), { file: 'x' }, auth.rita);
    expect([json.status, json.body.errors?.[0].code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const none = await upload(portal(ticket.id), [], auth.rita, {});
    expect(none.status).toBe(400);
    expect(await counts()).toEqual(before);

    // The ticket's total: 2.5 MiB twice fits 6 MiB, a third does not.
    const chunk = Buffer.alloc(2.5 * MiB, 7);
    expect((await upload(portal(ticket.id), [{ name: 'one.bin', bytes: chunk }], auth.rita)).status).toBe(201);
    expect((await upload(portal(ticket.id), [{ name: 'two.bin', bytes: chunk }], auth.rita)).status).toBe(201);
    const middle = await counts();
    const full = await upload(portal(ticket.id), [{ name: 'three.bin', bytes: chunk }], auth.rita);
    expect([full.status, full.body.errors?.[0].code]).toEqual([413, 'ATTACHMENT_TICKET_FULL']);
    expect(await counts()).toEqual(middle);
    // Elsewhere multipart stays refused as before (JSON only).
    const form = new FormData();
    form.append('title', 'x');
    const other = await fetch(`${t.url}/api/v1/portal/tickets`, { method: 'POST', body: form, headers: auth.rita });
    expect(other.status).toBe(415);
  });

  it('HTML and SVG with scripts are kept, and served only as sandboxed downloads', async () => {
    const ticket = await createTicket();
    const res = await upload(portal(ticket.id), [{ name: 'page.html', bytes: HTML, type: 'application/pdf' }, { name: 'logo.svg', bytes: SVG, type: 'image/png' }], auth.rita);
    expect(res.status).toBe(201);
    const [html, svg] = res.body.data.attachments;
    expect([html.contentType, svg.contentType]).toEqual(['text/html', 'image/svg+xml']);
    for (const [a, text] of [[html, HTML], [svg, SVG]] as const) {
      const got = await download(a.downloadUrl, auth.rita);
      expect(got.text).toBe(text);
      expect(got.headers.get('content-disposition')).toMatch(/^attachment; /);
      expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''${a.fileName}`);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    }
  });

  it('streams a file larger than the JSON body limit in and out, byte for byte', async () => {
    const ticket = await createTicket();
    const big = randomBytes(2.75 * MiB); // > BODY_LIMIT_BYTES (1 MiB), < ATTACHMENT_MAX_BYTES
    const res = await upload(staffDoor(ticket.number), [{ name: 'capture.pcap', bytes: big }], auth.engineer);
    expect(res.status).toBe(201);
    const [a] = res.body.data.attachments;
    expect([a.size, a.sha256, a.contentType]).toEqual([big.length, sha256(big), 'application/octet-stream']);
    const [{ n }] = await t.em().getConnection().execute<{ n: number }[]>('SELECT count(*)::int AS n FROM attachment_chunks WHERE attachment_id = ?', [a.id]);
    expect(n).toBe(Math.ceil(big.length / (256 * 1024)));
    const got = await download(`${portal(ticket.id)}/${a.id}`, auth.rita);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-length')).toBe(String(big.length));
    expect(sha256(got.bytes)).toBe(sha256(big));
    // A JSON body of that size is still refused.
    const json = await t.rest<Envelope>('POST', `/api/v1/portal/tickets/${ticket.id}/comments`, { body: 'x'.repeat(MiB + 10) }, auth.rita);
    expect(json.status).toBe(413);
  });

  it('a retried upload with the same Idempotency-Key stores nothing new and answers the first files; the key with other files is refused', async () => {
    const ticket = await createTicket();
    const key = randomUUID();
    const files = [{ name: 'a.pdf', bytes: PDF }, { name: 'b.txt', bytes: 'second file' }];
    const first = await upload(portal(ticket.id), files, { ...auth.rita, 'idempotency-key': key });
    expect(first.status).toBe(201);
    const after = await counts();
    const retry = await upload(portal(ticket.id), files, { ...auth.rita, 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.body.data.attachments).toEqual(first.body.data.attachments);
    expect(await counts()).toEqual(after);
    const other = await upload(portal(ticket.id), [{ name: 'a.pdf', bytes: 'different bytes' }], { ...auth.rita, 'idempotency-key': key });
    expect([other.status, other.body.errors?.[0].code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await counts()).toEqual(after);
  });

  it('a customer may attach to a comment of their own; files per comment are limited; every upload and delete is audited', async () => {
    const ticket = await createTicket();
    const comment = await t.rest<Envelope<{ id: string }>>('POST', `/api/v1/portal/tickets/${ticket.id}/comments`, { body: 'Screenshots attached' }, auth.rita);
    const updateId = comment.body.data.id;
    const two = await upload(portal(ticket.id), [{ name: '1.txt', bytes: 'one' }, { name: '2.txt', bytes: 'two' }], auth.rita, { updateId });
    expect(two.status).toBe(201);
    expect(two.body.data.attachments.map((a) => a.updateId)).toEqual([updateId, updateId]);
    const more = await upload(portal(ticket.id), [{ name: '3.txt', bytes: '3' }, { name: '4.txt', bytes: '4' }], auth.rita, { updateId });
    expect([more.status, more.body.errors?.[0].code]).toEqual([400, 'TOO_MANY_ATTACHMENTS']);

    const [a] = two.body.data.attachments;
    // Fred (same organization) is not the uploader; Rita is, within the window.
    const fred = await t.rest<Envelope>('DELETE', `${portal(ticket.id)}/${a.id}`, undefined, auth.fred);
    expect([fred.status, fred.body.errors?.[0].code]).toEqual([403, 'ATTACHMENT_DELETE_REFUSED']);
    expect((await t.rest('DELETE', `${portal(ticket.id)}/${a.id}`, undefined, auth.rita)).status).toBe(200);
    expect((await download(`${portal(ticket.id)}/${a.id}`, auth.rita)).status).toBe(404);
    expect((await download(`${staffDoor(ticket.id)}/${a.id}`, auth.engineer)).status).toBe(404);
    const audit = await t.em().getConnection().execute<{ action: string; actor_kind: string }[]>(
      `SELECT action, actor_kind FROM audit_log WHERE target_id IN (?, ?) ORDER BY created_at, action DESC`,
      [a.id, two.body.data.attachments[1].id],
    );
    expect(audit.map((r) => r.action).sort()).toEqual(['attachment.deleted', 'attachment.uploaded', 'attachment.uploaded']);
    const [{ n }] = await t.em().getConnection().execute<{ n: number }[]>('SELECT count(*)::int AS n FROM attachment_chunks WHERE attachment_id = ?', [a.id]);
    expect(n).toBe(0);
  });
});

describe('attachments: announced by e-mail (as links) and webhook (as metadata)', () => {
  let t: TestApp;
  let mail: Mailbox;
  let receiver: Receiver;
  const auth: Record<string, Record<string, string>> = {};
  let ritaEmail: string;
  let managerEmail: string;

  beforeAll(async () => {
    mail = await startMailbox();
    receiver = await startReceiver();
    t = await startTestApp({ WORKER_ENABLED: 'true', SMTP_URL: mail.url, WORKER_POLL_INTERVAL_MS: '100', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', PUBLIC_URL: 'https://desk.example.test' });
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    const acme = await createTenant(em, { slug: 'att-mail' });
    const manager = await createStaff(em, hasher, { tenant: acme, role: 'MANAGER', email: 'manager@att-mail.test' });
    managerEmail = manager.email;
    auth.manager = (await login(t, manager.email, manager.password)).auth;
    const rita = await createCustomerUser(em, hasher, acme, { email: 'rita@att-mail.test', name: 'Rita Reporter' });
    ritaEmail = rita.email;
    auth.rita = await portalLogin(t, 'att-mail', rita.email, rita.password);
    await createWebhookRow(t.em(), t.app.runtime.webhookSecrets, acme.id, { url: `${receiver.url}/files`, eventTypes: ['incident.attachments_added'] });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await mail?.close();
  });

  const send = async (path: string, name: string, bytes: string, headers: Record<string, string>, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([bytes]), name);
    const res = await fetch(`${t.url}${path}`, { method: 'POST', body: form, headers });
    expect(res.status).toBe(201);
    return ((await res.json()) as Uploaded).data.attachments[0];
  };

  it('a customer’s files: the on-call staff get links to the staff download route, webhooks the metadata; INTERNAL files are announced to no customer', async () => {
    const created = await t.rest<Envelope<{ id: string; number: string }>>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title: 'Logs attached', description: 'See the files.', priority: 'LOW' }, auth.rita);
    const ticket = created.body.data;
    const mine = await send(`/api/v1/portal/tickets/${ticket.id}/attachments`, 'server.log', 'SECRET-LOG-CONTENT', auth.rita);
    const staffMail = await waitForMail(mail, managerEmail, (m) => m.subject.includes('attached a file'));
    const link = `https://desk.example.test/api/v1/incidents/${ticket.id}/attachments/${mine.id}`;
    expect(staffMail.subject).toBe(`[${ticket.number}] Rita Reporter attached a file: Logs attached`);
    for (const part of [staffMail.text, staffMail.html]) {
      expect(part).toContain(link);
      expect(part).toContain('server.log');
      expect(part).not.toContain('SECRET-LOG-CONTENT'); // linked, never inline
    }
    const [hook] = await receiver.waitFor('/files', 1);
    const body = JSON.parse(hook.body) as { type: string; payload: { incident: { id: string }; attachments: Record<string, unknown>[] } };
    expect(body.type).toBe('incident.attachments_added');
    expect(body.payload.incident.id).toBe(ticket.id);
    expect(body.payload.attachments).toEqual([{ id: mine.id, updateId: null, fileName: 'server.log', contentType: 'text/plain; charset=utf-8', size: 18, sha256: mine.sha256, createdAt: mine.createdAt }]);

    // Staff: a file on an INTERNAL update (the webhook lists none, the customer hears nothing), then one on the ticket.
    const note = await t.rest<Envelope<{ id: string }>>('POST', `/api/v1/incidents/${ticket.id}/updates`, { body: 'internal', visibility: 'INTERNAL' }, auth.manager);
    await send(`/api/v1/incidents/${ticket.id}/attachments`, 'internal-notes.txt', 'x', auth.manager, { updateId: note.body.data.id });
    const hooks = await receiver.waitFor('/files', 2);
    expect((JSON.parse(hooks[1].body) as { payload: { attachments: unknown[]; updateId: unknown } }).payload).toMatchObject({ attachments: [], updateId: null });
    const shared = await send(`/api/v1/incidents/${ticket.id}/attachments`, 'fix.patch', 'diff', auth.manager);
    // The marker: the customer's mail of the later file; the worker may send the earlier file's after it, hence afterMarker.
    const customerMail = await afterMarker(t, waitForMail(mail, ritaEmail, (m) => m.subject.includes('New file')));
    expect(customerMail.text).toContain(`https://desk.example.test/api/v1/portal/tickets/${ticket.id}/attachments/${shared.id}`);
    expect(mail.messages.filter((m) => m.to.includes(ritaEmail)).some((m) => m.text.includes('internal-notes.txt'))).toBe(false);
  });
});

/** The first message to `to` that `matches`, waiting for it. */
async function waitForMail(mail: Mailbox, to: string, matches: (m: ReceivedMail) => boolean, timeoutMs = 15000): Promise<ReceivedMail> {
  const found = () => mail.messages.find((m) => m.to.includes(to) && matches(m));
  await until(() => !!found(), timeoutMs).catch(() => {
    throw new Error(`no matching e-mail to ${to}: ${mail.messages.map((m) => m.subject).join('; ')}`);
  });
  return found()!;
}
