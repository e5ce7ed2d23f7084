import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createCustomerOrg, createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';
import { overTransport } from '../setup/transports';

type GqlError = { message: string; extensions?: { code?: string; [k: string]: unknown } };
type Attachment = { id: string; updateId: string | null; fileName: string; contentType: string; size: number; createdAt: string; downloadUrl: string };
type Uploaded = { replayed: boolean; attachments: Attachment[] };
type Answer = { status: number; text: string; body: { data?: Record<string, Uploaded | null> | null; errors?: GqlError[] } };
/** A part of a multipart body, in the order sent: a form field, or a file. */
type Part = { field: string; value: string } | { file: string; name: string; bytes: Buffer | string };
type FileAt = { path: string; name: string; bytes: Buffer | string };

const MiB = 1024 * 1024;
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const ELF = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), randomBytes(200)]);

const TICKET_UPLOAD = `mutation($t: ID!, $files: [Upload!]!, $u: ID, $k: String) {
  attachTicketFiles(ticketId: $t, files: $files, updateId: $u, idempotencyKey: $k) { replayed attachments { id updateId fileName contentType size createdAt downloadUrl } }
}`;
const INCIDENT_UPLOAD = `mutation($t: ID!, $files: [Upload!]!, $u: ID, $k: String) {
  attachIncidentFiles(incidentId: $t, files: $files, updateId: $u, idempotencyKey: $k) { replayed attachments { id updateId fileName contentType size createdAt downloadUrl } }
}`;
/** Issue 15: the object-first upload, the files inside `input` (the map names `variables.input.files.<n>`). */
const INCIDENT_UPLOAD_INPUT = `mutation($input: IncidentFilesAttachInput!) {
  incidentFilesAttach(input: $input) { replayed attachments { id updateId fileName contentType size createdAt downloadUrl } }
}`;

/**
 * GraphQL multipart requests (the GraphQL multipart request spec) on POST /graphql: real HTTP, real PostgreSQL.
 * The uploads go through the same attachment service as the REST file routes, so the files come back through the
 * authorized download routes and the timelines, and every refusal stores nothing.
 */
describe('GraphQL uploads (multipart requests)', () => {
  let t: TestApp;
  const auth: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    // The JSON body limit stays at 1 MiB; a file may be 3 MiB, a ticket 6 MiB, an upload 3 files.
    t = await startTestApp({ BODY_LIMIT_BYTES: String(MiB), ATTACHMENT_MAX_BYTES: String(3 * MiB), ATTACHMENT_MAX_TICKET_BYTES: String(6 * MiB), ATTACHMENT_MAX_FILES: '3' });
    const em = t.em();
    const hasher = t.app.runtime.passwords;
    const acme = await createTenant(em, { slug: 'gqlup-acme' });
    const globex = await createTenant(em, { slug: 'gqlup-globex' });
    const engineer = await createStaff(em, hasher, { tenant: acme, role: 'ENGINEER', email: 'engineer@gqlup.test' });
    const viewer = await createStaff(em, hasher, { tenant: acme, role: 'VIEWER', email: 'viewer@gqlup.test' });
    const globexAdmin = await createStaff(em, hasher, { tenant: globex, role: 'ADMIN', email: 'admin@gqlup-globex.test' });
    for (const [name, s] of Object.entries({ engineer, viewer, globexAdmin })) auth[name] = (await login(t, s.email, s.password)).auth;
    const initech = await createCustomerOrg(em, acme, 'ORGANIZATION', 'Initech');
    const umbrella = await createCustomerOrg(em, acme, 'OWN', 'Umbrella');
    const users = {
      rita: await createCustomerUser(em, hasher, acme, { org: initech, email: 'rita@gqlup.test' }),
      olga: await createCustomerUser(em, hasher, acme, { org: umbrella, email: 'olga@gqlup.test' }),
    };
    for (const [name, u] of Object.entries(users)) auth[name] = await portalLogin(t, 'gqlup-acme', u.email, u.password);
    const gina = await createCustomerUser(em, hasher, globex, { email: 'gina@gqlup.test' });
    auth.gina = await portalLogin(t, 'gqlup-globex', gina.email, gina.password);
  });
  afterAll(() => t?.close());

  const createTicket = async (who = 'rita') => {
    const res = await t.rest<{ data: { id: string; number: string } }>('POST', '/api/v1/portal/tickets', { type: 'INCIDENT', title: 'Export fails', description: 'The CSV export times out.', priority: 'HIGH' }, auth[who]);
    expect(res.status).toBe(201);
    return res.body.data;
  };
  const staffUpdate = async (id: string, visibility: 'PUBLIC' | 'INTERNAL') => {
    const res = await t.rest<{ data: { id: string } }>('POST', `/api/v1/incidents/${id}/updates`, { body: `A ${visibility} note`, visibility }, auth.engineer);
    expect(res.status).toBe(201);
    return res.body.data.id;
  };

  /** A multipart POST /graphql over a real socket, parts in the order given. */
  const multipart = async (parts: Part[], headers: Record<string, string>): Promise<Answer> => {
    const form = new FormData();
    for (const p of parts) {
      if ('field' in p) form.append(p.field, p.value);
      else form.append(p.file, new Blob([p.bytes]), p.name);
    }
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', body: form, headers });
    const text = await res.text();
    let body: Answer['body'] = {};
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      /* asserted on text */
    }
    return { status: res.status, text, body };
  };
  /** An operation with its files as a client library sends it: operations, map (one entry per file), the files in that order. */
  const upload = (query: string, variables: Record<string, unknown>, files: FileAt[], headers: Record<string, string>, preflight = true) =>
    multipart(
      [
        { field: 'operations', value: JSON.stringify({ query, variables }) },
        { field: 'map', value: JSON.stringify(Object.fromEntries(files.map((f, i) => [String(i), [f.path]]))) },
        ...files.map((f, i) => ({ file: String(i), name: f.name, bytes: f.bytes })),
      ],
      { ...headers, ...(preflight ? { 'apollo-require-preflight': 'true' } : {}) },
    );
  const files = (...list: { name: string; bytes: Buffer | string }[]): FileAt[] => list.map((f, i) => ({ path: `variables.files.${i}`, ...f }));
  const placeholders = (n: number) => Array.from({ length: n }, () => null);
  const download = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}${path}`, { headers });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
  };
  const counts = async () => {
    const [row] = await t.em().getConnection().execute<{ a: number; c: number; audit: number; events: number }[]>(
      `SELECT (SELECT count(*) FROM attachments)::int AS a, (SELECT count(*) FROM attachment_chunks)::int AS c,
              (SELECT count(*) FROM audit_log WHERE action LIKE 'attachment.%')::int AS audit,
              (SELECT count(*) FROM outbox_events WHERE type = 'incident.attachments_added')::int AS events`,
    );
    return row;
  };
  const codeOf = (a: Answer) => a.body.errors?.[0]?.extensions?.code;

  it('a customer uploads to their ticket; the file comes back through the download route and in the GraphQL and REST timelines', async () => {
    const ticket = await createTicket();
    const before = await counts();
    const res = await upload(TICKET_UPLOAD, { t: ticket.number, files: placeholders(2) }, files({ name: 'report.pdf', bytes: PDF }, { name: '../notes\u202e.txt', bytes: 'plain notes\n' }), auth.rita);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const { attachments, replayed } = res.body.data!.attachTicketFiles!;
    expect(replayed).toBe(false);
    expect(attachments.map((a) => [a.fileName, a.contentType, a.size, a.updateId])).toEqual([
      ['report.pdf', 'application/pdf', PDF.length, null],
      ['notes.txt', 'text/plain; charset=utf-8', 12, null],
    ]);
    for (const a of attachments) expect(a.downloadUrl).toBe(`/api/v1/portal/tickets/${ticket.id}/attachments/${a.id}`);

    const got = await download(attachments[0].downloadUrl, auth.rita);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(PDF)).toBe(true);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect((await download(`/api/v1/incidents/${ticket.id}/attachments/${attachments[1].id}`, auth.viewer)).text).toBe('plain notes\n');

    const timeline = await t.gql<{ ticket: { attachments: { id: string }[] } }>('query($id: ID!) { ticket(id: $id) { attachments { id } } }', { id: ticket.id }, auth.rita);
    expect(timeline.data!.ticket.attachments.map((a) => a.id)).toEqual(attachments.map((a) => a.id));
    const rest = await t.rest<{ data: { attachments: { id: string }[] } }>('GET', `/api/v1/portal/tickets/${ticket.id}`, undefined, auth.rita);
    expect(rest.body.data.attachments.map((a) => a.id)).toEqual(attachments.map((a) => a.id));
    // Audited and announced like a REST upload: an entry per file, one event for the upload.
    const after = await counts();
    expect([after.a - before.a, after.audit - before.audit, after.events - before.events]).toEqual([2, 2, 1]);
  });

  it('staff attach to an INTERNAL update: no customer sees the file, over GraphQL or REST, exactly like a missing one', async () => {
    const ticket = await createTicket();
    const internal = await staffUpdate(ticket.id, 'INTERNAL');
    const res = await upload(INCIDENT_UPLOAD, { t: ticket.id, u: internal, files: [null] }, files({ name: 'dump.txt', bytes: 'password hashes\n' }), auth.engineer);
    expect(res.body.errors).toBeUndefined();
    const [hidden] = res.body.data!.attachIncidentFiles!.attachments;
    expect(hidden).toMatchObject({ updateId: internal, downloadUrl: `/api/v1/incidents/${ticket.id}/attachments/${hidden.id}` });

    const mine = await t.gql<{ ticket: { attachments: unknown[] } }>('query($id: ID!) { ticket(id: $id) { attachments { id } } }', { id: ticket.id }, auth.rita);
    expect(mine.data!.ticket.attachments).toEqual([]);
    const real = await download(`/api/v1/portal/tickets/${ticket.id}/attachments/${hidden.id}`, auth.rita);
    const ghost = await download(`/api/v1/portal/tickets/${ticket.id}/attachments/${randomUUID()}`, auth.rita);
    expect(real.status).toBe(404);
    expect(real.text).toBe(ghost.text);
    const staffView = await t.gql<{ incident: { attachments: { id: string }[] } }>('query($id: ID!) { incident(id: $id) { attachments { id } } }', { id: ticket.id }, auth.viewer);
    expect(staffView.data!.incident.attachments.map((a) => a.id)).toEqual([hidden.id]);

    // A customer cannot hang a file on it either: refused like an update that does not exist, nothing stored.
    const before = await counts();
    const onInternal = await upload(TICKET_UPLOAD, { t: ticket.id, u: internal, files: [null] }, files({ name: 'x.txt', bytes: 'x' }), auth.rita);
    const onMissing = await upload(TICKET_UPLOAD, { t: ticket.id, u: randomUUID(), files: [null] }, files({ name: 'x.txt', bytes: 'x' }), auth.rita);
    expect(codeOf(onInternal)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(onInternal.body.errors?.[0].extensions)).toBe(JSON.stringify(onMissing.body.errors?.[0].extensions));
    expect(await counts()).toEqual(before);
  });

  it('another organization’s customer, another workspace’s customer and staff get exactly what a missing ticket gets; nothing is stored', async () => {
    const ticket = await createTicket('rita');
    const before = await counts();
    const cases: [string, string][] = [
      ['olga', TICKET_UPLOAD],
      ['gina', TICKET_UPLOAD],
      ['globexAdmin', INCIDENT_UPLOAD],
    ];
    for (const [who, query] of cases) {
      const real = await upload(query, { t: ticket.id, files: [null] }, files({ name: 'a.pdf', bytes: PDF }), auth[who]);
      const missing = randomUUID();
      const ghost = await upload(query, { t: missing, files: [null] }, files({ name: 'a.pdf', bytes: PDF }), auth[who]);
      expect([who, codeOf(real)]).toEqual([who, 'INCIDENT_NOT_FOUND']);
      expect(real.status).toBe(ghost.status);
      expect(real.text.replaceAll(ticket.id, missing)).toBe(ghost.text);
    }
    // The wrong kind of caller, a role that may not, no token: refused before any file is read.
    expect(codeOf(await upload(INCIDENT_UPLOAD, { t: ticket.id, files: [null] }, files({ name: 'a.pdf', bytes: PDF }), auth.rita))).toBe('FORBIDDEN');
    expect(codeOf(await upload(TICKET_UPLOAD, { t: ticket.id, files: [null] }, files({ name: 'a.pdf', bytes: PDF }), auth.engineer))).toBe('FORBIDDEN');
    expect(codeOf(await upload(INCIDENT_UPLOAD, { t: ticket.id, files: [null] }, files({ name: 'a.pdf', bytes: PDF }), auth.viewer))).toBe('FORBIDDEN');
    expect(codeOf(await upload(TICKET_UPLOAD, { t: ticket.id, files: [null] }, files({ name: 'a.pdf', bytes: PDF }), {}))).toBe('UNAUTHENTICATED');
    expect(await counts()).toEqual(before);
  });

  it('refuses too large, too many, executables and a full ticket with their codes, storing nothing', async () => {
    const ticket = await createTicket();
    const before = await counts();
    const cases: [FileAt[], string][] = [
      [files({ name: 'invoice.pdf', bytes: ELF }), 'ATTACHMENT_TYPE_REFUSED'],
      // A good file first, then a bad one: the good one is not kept either.
      [files({ name: 'ok.pdf', bytes: PDF }, { name: 'photo.pdf', bytes: ELF }), 'ATTACHMENT_TYPE_REFUSED'],
      [files({ name: 'run.bat', bytes: 'echo hi\r\n' }), 'ATTACHMENT_TYPE_REFUSED'],
      [files({ name: 'big.bin', bytes: Buffer.alloc(3 * MiB + 1, 1) }), 'ATTACHMENT_TOO_LARGE'],
      [files({ name: '1.txt', bytes: '1' }, { name: '2.txt', bytes: '2' }, { name: '3.txt', bytes: '3' }, { name: '4.txt', bytes: '4' }), 'TOO_MANY_ATTACHMENTS'],
    ];
    for (const [list, code] of cases) {
      const res = await upload(TICKET_UPLOAD, { t: ticket.id, files: placeholders(list.length) }, list, auth.rita);
      expect([list[list.length - 1].name, codeOf(res)]).toEqual([list[list.length - 1].name, code]);
      expect(res.body.data?.attachTicketFiles ?? null).toBeNull();
    }
    expect(await counts()).toEqual(before);

    // The ticket's total: 2.5 MiB twice fits 6 MiB, a third does not.
    const chunk = Buffer.alloc(2.5 * MiB, 7);
    for (const name of ['one.bin', 'two.bin']) expect((await upload(TICKET_UPLOAD, { t: ticket.id, files: [null] }, files({ name, bytes: chunk }), auth.rita)).body.errors).toBeUndefined();
    const middle = await counts();
    const full = await upload(TICKET_UPLOAD, { t: ticket.id, files: [null] }, files({ name: 'three.bin', bytes: chunk }), auth.rita);
    expect(codeOf(full)).toBe('ATTACHMENT_TICKET_FULL');
    expect(await counts()).toEqual(middle);
  });

  it('CSRF: a multipart request without a preflight header is refused before its body is read', async () => {
    const ticket = await createTicket();
    const before = await counts();
    const res = await upload(TICKET_UPLOAD, { t: ticket.id, files: [null] }, files({ name: 'a.pdf', bytes: PDF }), auth.rita, false);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('CSRF_PREFLIGHT_REQUIRED');
    // X-Apollo-Operation-Name (what Apollo clients send) will do.
    const named = await upload(TICKET_UPLOAD, { t: ticket.id, files: [null] }, files({ name: 'a.pdf', bytes: PDF }), { ...auth.rita, 'x-apollo-operation-name': 'Attach' }, false);
    expect(named.body.errors).toBeUndefined();
    expect((await counts()).a).toBe(before.a + 1);
  });

  describe('incidentFilesAttach (issue 15) answers as the attachIncidentFiles it replaces', () => {
    /** One staff upload either way: the old arguments with `variables.files.<n>`, or `input` with `variables.input.files.<n>`. */
    type Way = { field: 'attachIncidentFiles' | 'incidentFilesAttach'; send(v: { t: string; u?: string; k?: string; files: FileAt[] }, who: Record<string, string>, preflight?: boolean): Promise<Answer> };
    const ways: Way[] = [
      { field: 'attachIncidentFiles', send: (v, who, preflight) => upload(INCIDENT_UPLOAD, { t: v.t, u: v.u, k: v.k, files: placeholders(v.files.length) }, v.files, who, preflight) },
      {
        field: 'incidentFilesAttach',
        send: (v, who, preflight) =>
          upload(
            INCIDENT_UPLOAD_INPUT,
            { input: { incidentId: v.t, updateId: v.u, idempotencyKey: v.k, files: placeholders(v.files.length) } },
            v.files.map((f, i) => ({ ...f, path: `variables.input.files.${i}` })),
            who,
            preflight,
          ),
      },
    ];

    it.each(ways.map((w) => [w.field, w] as const))('%s: stores the files on an INTERNAL update, answers them, replays a retry, and refuses what the other refuses', async (_name, way) => {
      const ticket = await createTicket();
      const internal = await staffUpdate(ticket.id, 'INTERNAL');
      const k = randomUUID();
      const list = files({ name: 'trace.txt', bytes: 'stack trace\n' }, { name: 'report.pdf', bytes: PDF });
      const before = await counts();
      const res = await way.send({ t: ticket.number, u: internal, k, files: list }, auth.engineer);
      expect(res.body.errors).toBeUndefined();
      const answer = res.body.data![way.field]!;
      expect(answer.replayed).toBe(false);
      expect(answer.attachments.map((a) => [a.fileName, a.contentType, a.updateId, a.downloadUrl])).toEqual([
        ['trace.txt', 'text/plain; charset=utf-8', internal, `/api/v1/incidents/${ticket.id}/attachments/${answer.attachments[0].id}`],
        ['report.pdf', 'application/pdf', internal, `/api/v1/incidents/${ticket.id}/attachments/${answer.attachments[1].id}`],
      ]);
      // Stored: the bytes come back from the download route, the timeline lists them; audited and announced.
      expect((await download(answer.attachments[1].downloadUrl, auth.viewer)).bytes.equals(PDF)).toBe(true);
      const timeline = await t.gql<{ incident: { attachments: { id: string }[] } }>('query($id: ID!) { incident(id: $id) { attachments { id } } }', { id: ticket.id }, auth.viewer);
      expect(timeline.data!.incident.attachments.map((a) => a.id)).toEqual(answer.attachments.map((a) => a.id));
      const after = await counts();
      expect([after.a - before.a, after.audit - before.audit, after.events - before.events]).toEqual([2, 2, 1]);

      const retry = await way.send({ t: ticket.id, u: internal, k, files: list }, auth.engineer);
      expect(retry.body.data![way.field]).toEqual({ ...answer, replayed: true });
      expect(await counts()).toEqual(after);

      // Another workspace's staff: exactly what a missing incident gets. Wrong kind, wrong role, no token, no preflight: refused.
      const missing = randomUUID();
      const one = files({ name: 'a.pdf', bytes: PDF });
      const real = await way.send({ t: ticket.id, files: one }, auth.globexAdmin);
      const ghost = await way.send({ t: missing, files: one }, auth.globexAdmin);
      expect(codeOf(real)).toBe('INCIDENT_NOT_FOUND');
      expect(real.text.replaceAll(ticket.id, missing)).toBe(ghost.text);
      expect(codeOf(await way.send({ t: ticket.id, u: randomUUID(), files: one }, auth.engineer))).toBe('VALIDATION_FAILED');
      expect(codeOf(await way.send({ t: ticket.id, files: one }, auth.rita))).toBe('FORBIDDEN');
      expect(codeOf(await way.send({ t: ticket.id, files: one }, auth.viewer))).toBe('FORBIDDEN');
      expect(codeOf(await way.send({ t: ticket.id, files: one }, {}))).toBe('UNAUTHENTICATED');
      const csrf = await way.send({ t: ticket.id, files: one }, auth.engineer, false);
      expect([csrf.status, codeOf(csrf)]).toEqual([400, 'CSRF_PREFLIGHT_REQUIRED']);
      expect(codeOf(await way.send({ t: ticket.id, files: files({ name: 'invoice.pdf', bytes: ELF }) }, auth.engineer))).toBe('ATTACHMENT_TYPE_REFUSED');
      expect(await counts()).toEqual(after);
    });

    it('incidentFilesAttach: an Upload inside input sent without a multipart request (JSON POST) is refused with UPLOAD_NOT_MULTIPART', async () => {
      const ticket = await createTicket();
      const before = await counts();
      const answer = await overTransport(t, 'POST', INCIDENT_UPLOAD_INPUT, { input: { incidentId: ticket.id, files: ['a.pdf'] } }, auth.engineer);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UPLOAD_NOT_MULTIPART');
      expect(await counts()).toEqual(before);
    });
  });

  it('a request that does not follow the spec is refused with UPLOAD_INVALID or UPLOAD_FILE_MISSING, storing nothing', async () => {
    const ticket = await createTicket();
    const before = await counts();
    const operations = { field: 'operations', value: JSON.stringify({ query: TICKET_UPLOAD, variables: { t: ticket.id, files: [null] } }) };
    const file = (key: string) => ({ file: key, name: 'a.pdf', bytes: PDF });
    const pre = { ...auth.rita, 'apollo-require-preflight': 'true' };
    const invalid: [string, Part[]][] = [
      ['map missing', [operations, file('0')]],
      ['map not JSON', [operations, { field: 'map', value: '{"0": [' }, file('0')]],
      ['operations not JSON', [{ field: 'operations', value: '{"query": ' }, { field: 'map', value: '{"0": ["variables.files.0"]}' }, file('0')]],
      ['a path outside variables', [operations, { field: 'map', value: '{"0": ["query"]}' }, file('0')]],
      ['a path to no placeholder', [operations, { field: 'map', value: '{"0": ["variables.files.3"]}' }, file('0')]],
      ['a prototype path', [operations, { field: 'map', value: '{"0": ["variables.__proto__.x"]}' }, file('0')]],
      ['one file for two paths', [operations, { field: 'map', value: '{"0": ["variables.files.0", "variables.t"]}' }, file('0')]],
      ['a batch', [{ field: 'operations', value: JSON.stringify([{ query: TICKET_UPLOAD, variables: { t: ticket.id, files: [null] } }]) }, { field: 'map', value: '{"0": ["0.variables.files.0"]}' }, file('0')]],
    ];
    for (const [why, parts] of invalid) {
      const res = await multipart(parts, pre);
      expect([why, res.status, codeOf(res)]).toEqual([why, 400, 'UPLOAD_INVALID']);
    }
    // The map names a file the body never carries.
    const missing = await multipart([operations, { field: 'map', value: '{"0": ["variables.files.0"]}' }], pre);
    expect(codeOf(missing)).toBe('UPLOAD_FILE_MISSING');
    const wrongName = await multipart([operations, { field: 'map', value: '{"0": ["variables.files.0"]}' }, file('1')], pre);
    expect(codeOf(wrongName)).toBe('UPLOAD_FILE_MISSING');
    // After map, files only.
    const extraField = await multipart([operations, { field: 'map', value: '{"0": ["variables.files.0"]}' }, { field: 'more', value: 'x' }, file('0')], pre);
    expect(codeOf(extraField)).toBe('UPLOAD_INVALID');
    // Files sent in another order than the operation reads them, the first too large for the parser to hold while it
    // reads on: refused rather than left to wait. (Small ones the parser buffers may pass.)
    const twoOps = { field: 'operations', value: JSON.stringify({ query: TICKET_UPLOAD, variables: { t: ticket.id, files: [null, null] } }) };
    const large = (key: string) => ({ file: key, name: `${key}.bin`, bytes: Buffer.alloc(MiB, 3) });
    const swapped = await multipart([twoOps, { field: 'map', value: '{"1": ["variables.files.0"], "0": ["variables.files.1"]}' }, large('0'), large('1')], pre);
    expect(codeOf(swapped)).toBe('UPLOAD_INVALID');
    // More files named than an upload may take: refused before any is read.
    const many = await multipart([{ field: 'operations', value: JSON.stringify({ query: TICKET_UPLOAD, variables: { t: ticket.id, files: placeholders(4) } }) }, { field: 'map', value: JSON.stringify({ 0: ['variables.files.0'], 1: ['variables.files.1'], 2: ['variables.files.2'], 3: ['variables.files.3'] }) }], pre);
    expect([many.status, codeOf(many)]).toEqual([400, 'TOO_MANY_ATTACHMENTS']);
    expect(await counts()).toEqual(before);
  });

  it('an Upload variable sent any other way (JSON POST, WebSocket) is refused with UPLOAD_NOT_MULTIPART', async () => {
    const ticket = await createTicket();
    const before = await counts();
    for (const transport of ['POST', 'WS'] as const) {
      for (const value of [{}, 'a.pdf', { filename: 'a.pdf', createReadStream: null }]) {
        const answer = await overTransport(t, transport, TICKET_UPLOAD, { t: ticket.id, files: [value] }, auth.rita);
        expect([transport, answer.errors?.[0]?.extensions?.code]).toEqual([transport, 'UPLOAD_NOT_MULTIPART']);
      }
    }
    // A literal in the document is no file either.
    const literal = await t.gql(`mutation($t: ID!) { attachTicketFiles(ticketId: $t, files: ["a.pdf"]) { replayed } }`, { t: ticket.id }, auth.rita);
    expect(literal.errors?.[0]?.extensions?.code).toBe('UPLOAD_NOT_MULTIPART');
    expect(await counts()).toEqual(before);
  });

  it('a retry with the same idempotency key stores nothing new and answers the first files; the key with other bytes is refused', async () => {
    const ticket = await createTicket();
    const k = randomUUID();
    const list = files({ name: 'a.pdf', bytes: PDF }, { name: 'b.txt', bytes: 'second' });
    const first = await upload(TICKET_UPLOAD, { t: ticket.id, k, files: placeholders(2) }, list, auth.rita);
    expect(first.body.errors).toBeUndefined();
    const after = await counts();
    const retry = await upload(TICKET_UPLOAD, { t: ticket.id, k, files: placeholders(2) }, list, auth.rita);
    expect(retry.body.data!.attachTicketFiles).toEqual({ ...first.body.data!.attachTicketFiles, replayed: true });
    expect(await counts()).toEqual(after);
    const other = await upload(TICKET_UPLOAD, { t: ticket.id, k, files: [null] }, files({ name: 'a.pdf', bytes: 'other bytes' }), auth.rita);
    expect(codeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    // A key too long to be one, or text PostgreSQL cannot store: refused as input, naming nothing of the value.
    for (const bad of ['k'.repeat(201), 'key\u0000x']) {
      const res = await upload(TICKET_UPLOAD, { t: ticket.id, k: bad, files: [null] }, files({ name: 'a.pdf', bytes: PDF }), auth.rita);
      expect(codeOf(res)).toBe('VALIDATION_FAILED');
    }
    expect(await counts()).toEqual(after);
  });

  it('streams a file larger than the JSON body limit into storage, byte for byte', async () => {
    const ticket = await createTicket();
    const big = randomBytes(2.75 * MiB); // > BODY_LIMIT_BYTES (1 MiB), < ATTACHMENT_MAX_BYTES
    const res = await upload(INCIDENT_UPLOAD, { t: ticket.number, files: [null] }, files({ name: 'capture.pcap', bytes: big }), auth.engineer);
    expect(res.body.errors).toBeUndefined();
    const [a] = res.body.data!.attachIncidentFiles!.attachments;
    expect([a.size, a.contentType]).toEqual([big.length, 'application/octet-stream']);
    const [{ n }] = await t.em().getConnection().execute<{ n: number }[]>('SELECT count(*)::int AS n FROM attachment_chunks WHERE attachment_id = ?', [a.id]);
    expect(n).toBe(Math.ceil(big.length / (256 * 1024)));
    const got = await download(`/api/v1/portal/tickets/${ticket.id}/attachments/${a.id}`, auth.rita);
    expect(sha256(got.bytes)).toBe(sha256(big));
    // The same operation as JSON of that size is still refused by the body limit.
    const json = await t.rest('POST', '/graphql', { query: '{ __typename }', variables: { pad: 'x'.repeat(MiB + 10) } }, auth.rita);
    expect(json.status).toBe(413);
  });

  it('the answer arrives while the client is still sending a file the operation refused, and the connection stays usable', async () => {
    const ticket = await createTicket();
    const boundary = `----upload${randomBytes(8).toString('hex')}`;
    const head = [
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: TICKET_UPLOAD, variables: { t: ticket.id, files: [null] } })}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0": ["variables.files.0"]}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="x.exe"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ].join('');
    // An executable's first bytes, then far more than the server needs to refuse it; the body never finishes unless read.
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(`${t.url}/graphql`, {
        method: 'POST',
        headers: { ...auth.rita, 'apollo-require-preflight': 'true', 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(Buffer.byteLength(head) + ELF.length + 2 * MiB + `\r\n--${boundary}--\r\n`.length) },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(head);
      req.write(ELF);
      const rest = Buffer.alloc(2 * MiB, 0x41);
      req.write(rest);
      req.end(`\r\n--${boundary}--\r\n`);
    });
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('ATTACHMENT_TYPE_REFUSED');
    const after = await t.gql('{ __typename }', undefined, auth.rita);
    expect(after.data).toEqual({ __typename: 'Query' });
  });

  // issue 15, portal types: ticketFilesAttach (one input, the files inside it: the map names variables.input.files.<n>),
  // beside attachTicketFiles: the same service, limits, refusals and CSRF check, and the ticket after in the payload.
  describe('ticketFilesAttach (the files inside input)', () => {
    const TICKET_FILES_ATTACH = `mutation($input: TicketFilesAttachInput!) {
      ticketFilesAttach(input: $input) { replayed attachments { id updateId fileName contentType size createdAt downloadUrl } ticket { id attachments { id } } }
    }`;
    type Call = { t: string; u?: string; k?: string; n: number };
    /** The same upload through the old mutation and the new one, as a client sends each. */
    const both = {
      attachTicketFiles: (c: Call, list: { name: string; bytes: Buffer | string }[], headers: Record<string, string>, preflight = true) =>
        upload(TICKET_UPLOAD, { t: c.t, u: c.u, k: c.k, files: placeholders(c.n) }, files(...list), headers, preflight),
      ticketFilesAttach: (c: Call, list: { name: string; bytes: Buffer | string }[], headers: Record<string, string>, preflight = true) =>
        upload(
          TICKET_FILES_ATTACH,
          { input: { ticketId: c.t, updateId: c.u, idempotencyKey: c.k, files: placeholders(c.n) } },
          list.map((f, i) => ({ path: `variables.input.files.${i}`, ...f })),
          headers,
          preflight,
        ),
    };
    type Payload = Uploaded & { ticket?: { id: string; attachments: { id: string }[] } };
    const payloadOf = (field: string, a: Answer) => a.body.data?.[field] as Payload | null | undefined;

    it.each(Object.keys(both))('%s: stores the files, answers them (and the ticket with them), downloadable', async (field) => {
      const send = both[field as keyof typeof both];
      const ticket = await createTicket();
      const before = await counts();
      const res = await send({ t: ticket.number, n: 2 }, [{ name: 'report.pdf', bytes: PDF }, { name: 'notes.txt', bytes: 'plain notes\n' }], auth.rita);
      expect(res.body.errors).toBeUndefined();
      const payload = payloadOf(field, res)!;
      expect(payload.replayed).toBe(false);
      expect(payload.attachments.map((a) => [a.fileName, a.contentType, a.size])).toEqual([
        ['report.pdf', 'application/pdf', PDF.length],
        ['notes.txt', 'text/plain; charset=utf-8', 12],
      ]);
      if (field === 'ticketFilesAttach') expect(payload.ticket).toEqual({ id: ticket.id, attachments: payload.attachments.map((a) => ({ id: a.id })) });
      expect((await download(payload.attachments[0].downloadUrl, auth.rita)).bytes.equals(PDF)).toBe(true);
      const after = await counts();
      expect([after.a - before.a, after.audit - before.audit, after.events - before.events]).toEqual([2, 2, 1]);
    });

    it('refuses exactly as attachTicketFiles does (another organization, workspace, a missing ticket; staff; no token; bad files; no preflight header), storing nothing', async () => {
      const ticket = await createTicket('rita');
      const before = await counts();
      const pdf = [{ name: 'a.pdf', bytes: PDF }];
      const codes = async (send: (typeof both)[keyof typeof both]) => [
        codeOf(await send({ t: ticket.id, n: 1 }, pdf, auth.olga)),
        codeOf(await send({ t: ticket.id, n: 1 }, pdf, auth.gina)),
        codeOf(await send({ t: randomUUID(), n: 1 }, pdf, auth.rita)),
        codeOf(await send({ t: ticket.id, n: 1 }, pdf, auth.engineer)),
        codeOf(await send({ t: ticket.id, n: 1 }, pdf, {})),
        codeOf(await send({ t: ticket.id, n: 1 }, [{ name: 'invoice.pdf', bytes: ELF }], auth.rita)),
        codeOf(await send({ t: ticket.id, n: 1 }, [{ name: 'big.bin', bytes: Buffer.alloc(3 * MiB + 1, 1) }], auth.rita)),
        codeOf(await send({ t: ticket.id, n: 4 }, ['1', '2', '3', '4'].map((n) => ({ name: `${n}.txt`, bytes: n })), auth.rita)),
        codeOf(await send({ t: ticket.id, n: 1 }, pdf, auth.rita, false)),
      ];
      const expected = ['INCIDENT_NOT_FOUND', 'INCIDENT_NOT_FOUND', 'INCIDENT_NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'ATTACHMENT_TYPE_REFUSED', 'ATTACHMENT_TOO_LARGE', 'TOO_MANY_ATTACHMENTS', 'CSRF_PREFLIGHT_REQUIRED'];
      expect(await codes(both.attachTicketFiles)).toEqual(expected);
      expect(await codes(both.ticketFilesAttach)).toEqual(expected);
      // Another organization's ticket answers exactly like a missing one.
      const missing = randomUUID();
      const real = await both.ticketFilesAttach({ t: ticket.id, n: 1 }, pdf, auth.olga);
      const ghost = await both.ticketFilesAttach({ t: missing, n: 1 }, pdf, auth.olga);
      expect(real.status).toBe(ghost.status);
      expect(real.text.replaceAll(ticket.id, missing)).toBe(ghost.text);
      expect(await counts()).toEqual(before);
    });

    it('an Upload inside input sent as JSON is refused with UPLOAD_NOT_MULTIPART; a retry with the same key answers the first files', async () => {
      const ticket = await createTicket();
      const before = await counts();
      const json = await t.gql(TICKET_FILES_ATTACH, { input: { ticketId: ticket.id, files: ['a.pdf'] } }, auth.rita);
      expect(json.errors?.[0]?.extensions?.code).toBe('UPLOAD_NOT_MULTIPART');
      expect(await counts()).toEqual(before);

      const k = randomUUID();
      const first = await both.ticketFilesAttach({ t: ticket.id, k, n: 1 }, [{ name: 'a.pdf', bytes: PDF }], auth.rita);
      expect(first.body.errors).toBeUndefined();
      const after = await counts();
      const retry = await both.ticketFilesAttach({ t: ticket.id, k, n: 1 }, [{ name: 'a.pdf', bytes: PDF }], auth.rita);
      expect(payloadOf('ticketFilesAttach', retry)).toEqual({ ...payloadOf('ticketFilesAttach', first), replayed: true });
      expect(await counts()).toEqual(after);
      expect(codeOf(await both.ticketFilesAttach({ t: ticket.id, k, n: 1 }, [{ name: 'a.pdf', bytes: 'other bytes' }], auth.rita))).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });
});
