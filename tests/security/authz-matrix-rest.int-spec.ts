import { randomUUID } from 'node:crypto';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { ATTACHMENT_ROUTES } from '../../src/rest/attachments';
import { restRoutes } from '../../src/rest/routes';
import { expected, fieldOf, httpStatusOf, REST_ELSEWHERE, REST_FILE_ENTRIES, REST_NOT_ROW_IDS, ROW_ENTRIES, type Outcome, type RestRequest } from './authz/matrix';
import { buildWorld, CALLERS, MATRIX_ENV, type Caller, type World } from './authz/world';
import { startTestApp, type TestApp } from '../setup/app';

/**
 * The same matrix over the REST adapter, for every route with an id in its path (the file routes of
 * rest/attachments.ts included): the status the policy's code maps to (401, 403, 404) and, for every refusal,
 * a status and body identical to the same request with a never-used id. Allowed callers get a 2xx.
 */
describe('authorization matrix: id-taking REST routes', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp(MATRIX_ENV);
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  const routes = ROW_ENTRIES.flatMap((entry) => Object.entries(entry.rest ?? {}).map(([route, request]) => ({ route, entry, request })));

  it('every REST route with a path parameter is in the matrix (or named with the reason it is not)', () => {
    const withParams = [...restRoutes, ...ATTACHMENT_ROUTES].filter((r) => r.path.includes('/:')).map((r) => `${r.method} ${r.path}`);
    const fileRoutes = [...new Set(REST_FILE_ENTRIES.map((e) => e.route))];
    const listed = [...routes.map((r) => r.route), ...fileRoutes, ...Object.keys(REST_NOT_ROW_IDS), ...Object.keys(REST_ELSEWHERE)];
    expect([...new Set(withParams)].sort()).toEqual([...listed].sort());
  });

  it("each route sits on the entry of the root field its operation runs (the matrix checks that field's rule)", () => {
    const rootFields = new Map(
      restRoutes.map((r) => {
        const op = r.operation.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
        return [`${r.method} ${r.path}`, op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []))];
      }),
    );
    // The file routes (rest/attachments.ts) run no operation.
    const misplaced = routes.filter(({ route, entry }) => rootFields.has(route) && !rootFields.get(route)!.includes(fieldOf(entry.slot)));
    expect(misplaced.map(({ route, entry }) => `${route} runs ${rootFields.get(route)!.join(', ')}, listed under ${entry.slot}`)).toEqual([]);
  });

  const send = async (req: RestRequest, c: Caller) => {
    if (req.files) {
      // multipart/form-data over a socket, as the file routes take it.
      const form = new FormData();
      for (const text of req.files) form.append('file', new Blob([text]), 'matrix.txt');
      const res = await fetch(`${t.url}${req.path}`, { method: req.method, body: form, headers: c.headers });
      return { status: res.status, text: await res.text() };
    }
    const res = await t.rest(req.method, req.path, req.body, c.headers);
    return { status: res.status, text: res.text };
  };

  interface Entry {
    outcome(c: Caller): Outcome;
    target(w: World, c: Caller): string;
    fresh?(w: World, c: Caller): Promise<string>;
    snapshot?(w: World, id: string): Promise<unknown>;
  }

  const run = async (entry: Entry, request: (id: string, w: World) => RestRequest | Promise<RestRequest>) => {
    const problems: string[] = [];
    const cases = CALLERS.map((name) => ({ c: w.callers[name], out: entry.outcome(w.callers[name]) }));
    const refused = cases.filter((x) => !x.out.allowed);
    const targets = [...new Set(refused.map((x) => entry.target(w, x.c)))];
    const before = entry.snapshot ? await Promise.all(targets.map((id) => entry.snapshot!(w, id))) : [];
    await Promise.all(
      refused.map(async ({ c, out }) => {
        const id = entry.target(w, c);
        const missing = randomUUID();
        const real = await send(await request(id, w), c);
        const ghost = await send(await request(missing, w), c);
        if (real.status !== httpStatusOf(out.code!) || !real.text.includes(`"code":"${out.code}"`)) {
          problems.push(`${c.name}: ${real.status} instead of ${httpStatusOf(out.code!)} ${out.code}: ${real.text}`);
        }
        if (!out.seesRow && (real.status !== ghost.status || real.text.replaceAll(id, missing) !== ghost.text)) {
          problems.push(`${c.name}: an existing row answers unlike a missing one:\n  existing ${real.status} ${real.text}\n  missing  ${ghost.status} ${ghost.text}`);
        }
      }),
    );
    if (entry.snapshot) {
      const after = await Promise.all(targets.map((id) => entry.snapshot!(w, id)));
      targets.forEach((id, i) => {
        if (JSON.stringify(after[i]) !== JSON.stringify(before[i])) problems.push(`a refused call changed ${id}`);
      });
    }
    await Promise.all(
      cases
        .filter((x) => x.out.allowed)
        .map(async ({ c }) => {
          const id = entry.fresh ? await entry.fresh(w, c) : entry.target(w, c);
          const res = await send(await request(id, w), c);
          if (res.status < 200 || res.status > 299) problems.push(`${c.name}: ${res.status}, but the policy allows it: ${res.text}`);
        }),
    );
    expect(problems).toEqual([]);
  };

  for (const { route, entry, request } of routes) {
    it(`${route} (${entry.slot})`, () => run({ ...entry, outcome: (c) => expected(entry.access, entry.notFound, c) }, request));
  }
  for (const entry of REST_FILE_ENTRIES) {
    it(`${entry.route} (${entry.label})`, () => run(entry, entry.request));
  }
});
