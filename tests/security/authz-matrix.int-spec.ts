import { randomUUID } from 'node:crypto';
import { permissions } from '../../src/authz/rules';
import { buildBareSchema } from '../../src/graphql/schema';
import { COMPANY_SLOTS, expected, fieldOf, FILTER_SLOTS, idSlots, PORTAL_REFERENCE_SLOTS, REFERENCE_SLOTS, ROW_ENTRIES, SUBSCRIPTION_SLOTS, type RowEntry } from './authz/matrix';
import { buildWorld, CALLERS, MATRIX_ENV, type Caller, type World } from './authz/world';
import { startTestApp, type TestApp } from '../setup/app';

/**
 * The authorization matrix over GraphQL: every operation that takes an id, called by every kind of caller
 * (each staff role, the SUPER_ADMIN in and out of the tenant, the ticket's owner, customers of the same
 * organization under each sharing mode, of another organization, of no organization, staff and customer
 * of another tenant, no token). Allowed calls must succeed; refused ones must carry the code the policy
 * gives, and answer byte for byte as the same call with a never-used id does. Refused mutations must leave
 * the row, its children and the audit log as they were.
 */
describe('authorization matrix: id-taking operations over GraphQL', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp(MATRIX_ENV);
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  it('every ID argument of the schema has a matrix entry, and every entry names one', () => {
    const covered = [...ROW_ENTRIES.map((e) => e.slot), ...REFERENCE_SLOTS, ...PORTAL_REFERENCE_SLOTS, ...FILTER_SLOTS, ...COMPANY_SLOTS, ...SUBSCRIPTION_SLOTS].sort();
    expect(new Set(covered).size).toBe(covered.length);
    // A failure here: add the new operation (or argument) to tests/security/authz/matrix.ts.
    expect(covered).toEqual(idSlots(buildBareSchema()));
  });

  it('each entry expects what its shield rule checks (the same permission, or the portal-only rule)', () => {
    const rules = permissions as Record<string, Record<string, { name?: string }>>;
    const mismatched = ROW_ENTRIES.flatMap((e) => {
      const root = e.slot.slice(0, e.slot.indexOf('.'));
      const ruleName = rules[root]?.[fieldOf(e.slot)]?.name;
      const want = e.access.kind !== 'staff' ? ['customerOnly'] : [`permission:${e.access.perm}`, ...(e.access.perm === 'staff.manage' ? ['staffAdmin'] : [])];
      return want.includes(ruleName ?? '') ? [] : [`${e.slot}: rule ${ruleName}, matrix expects ${want.join(' or ')}`];
    });
    expect(mismatched).toEqual([]);
  });

  it('the expected outcomes, derived from can() and the ticket visibility table (review against policies.ts)', () => {
    const table = Object.fromEntries(
      ROW_ENTRIES.map((e) => {
        const byOutcome = new Map<string, string[]>();
        for (const name of CALLERS) {
          const out = expected(e.access, e.notFound, w.callers[name]);
          const key = out.allowed ? 'allowed' : out.code!;
          byOutcome.set(key, [...(byOutcome.get(key) ?? []), name]);
        }
        return [e.slot, [...byOutcome].map(([k, v]) => `${k}: ${v.join(' ')}`).join(' | ')];
      }),
    );
    expect(table).toMatchInlineSnapshot(`
{
  "Mutation.addIncidentParticipant:incidentId": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.addIncidentUpdate:id": "FORBIDDEN: VIEWER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.addTicketComment:ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.addTicketParticipant:ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode | PARTICIPANT_CHANGE_NOT_ALLOWED: peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.analyzeIncident:id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.archiveKbArticle:id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | ARTICLE_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.assignIncident:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.attachIncidentFiles:incidentId": "FORBIDDEN: VIEWER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.attachTicketFiles:ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.changeIncidentStatus:id": "FORBIDDEN: VIEWER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.changeStaffRole:input.userId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | STAFF_MEMBER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.deactivatePortalUser:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | PORTAL_USER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.deactivateStaff:userId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | STAFF_MEMBER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.deleteCustomer:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | CUSTOMER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.deleteWebhookEndpoint:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | WEBHOOK_ENDPOINT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.deliveryRetry:input.id": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | DELIVERY_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.incidentAnalyze:input.id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.incidentAssign:input.id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.incidentFilesAttach:input.incidentId": "FORBIDDEN: VIEWER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.incidentLink:input.parentId": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.incidentParticipantAdd:input.incidentId": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.incidentParticipantRemove:input.incidentId": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.incidentStatusChange:input.id": "FORBIDDEN: VIEWER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.incidentUnlink:input.id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.incidentUpdate:input.id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.incidentUpdateAdd:input.id": "FORBIDDEN: VIEWER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.kbArticleArchive:input.id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | ARTICLE_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.kbArticlePublish:input.id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | ARTICLE_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.kbArticleRevisionRestore:input.id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | ARTICLE_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.kbArticleUpdate:input.id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | ARTICLE_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.leaveTicket:ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.linkIncidents:parentId": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.organizationDelete:input.id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | CUSTOMER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.organizationUpdate:input.id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | CUSTOMER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.portalUserDeactivate:input.id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | PORTAL_USER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.portalUserPasswordResetSend:input.id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | PORTAL_USER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.portalUserReactivate:input.id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | PORTAL_USER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.portalUserUpdate:input.id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | PORTAL_USER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.publishKbArticle:id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | ARTICLE_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.rateTicket:ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode | RATING_NOT_ALLOWED: peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.reactivatePortalUser:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | PORTAL_USER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.removeIncidentParticipant:incidentId": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.removeTicketParticipant:ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode | PARTICIPANT_CHANGE_NOT_ALLOWED: peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.restoreKbArticleRevision:id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | ARTICLE_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.retryDelivery:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | DELIVERY_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.rotateWebhookSecret:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | WEBHOOK_ENDPOINT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.sendPortalUserPasswordReset:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | PORTAL_USER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.staffDeactivate:input.userId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | STAFF_MEMBER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.staffRoleChange:input.userId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | STAFF_MEMBER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.ticketCommentAdd:input.ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.ticketFilesAttach:input.ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.ticketLeave:input.ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.ticketParticipantAdd:input.ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode | PARTICIPANT_CHANGE_NOT_ALLOWED: peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.ticketParticipantRemove:input.ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode | PARTICIPANT_CHANGE_NOT_ALLOWED: peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.ticketRate:input.ticketId": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode | RATING_NOT_ALLOWED: peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Mutation.unlinkIncident:id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.updateCustomer:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | CUSTOMER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.updateIncident:id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.updateKbArticle:id": "FORBIDDEN: VIEWER RESPONDER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ENGINEER MANAGER ADMIN SUPER_ADMIN | ARTICLE_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.updatePortalUser:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | PORTAL_USER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.updateWebhookEndpoint:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | WEBHOOK_ENDPOINT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.webhookEndpointDelete:input.id": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | WEBHOOK_ENDPOINT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.webhookEndpointUpdate:input.id": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | WEBHOOK_ENDPOINT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Mutation.webhookSecretRotate:input.id": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: ADMIN SUPER_ADMIN | WEBHOOK_ENDPOINT_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Query.customer:id": "allowed: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | CUSTOMER_NOT_FOUND: superAdminHome staffB | FORBIDDEN: owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Query.incident:id": "allowed: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | FORBIDDEN: owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Query.incidentAnalyses:incidentId": "allowed: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | FORBIDDEN: owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Query.incidentAnalysesConnection:incidentId": "allowed: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | FORBIDDEN: owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Query.incidentAnalysis:incidentId": "allowed: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | INCIDENT_NOT_FOUND: superAdminHome staffB | FORBIDDEN: owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Query.kbArticleRevisions:id": "allowed: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | ARTICLE_NOT_FOUND: superAdminHome staffB | FORBIDDEN: owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Query.kbArticleRevisionsConnection:id": "allowed: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | ARTICLE_NOT_FOUND: superAdminHome staffB | FORBIDDEN: owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Query.organization:id": "allowed: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | CUSTOMER_NOT_FOUND: superAdminHome staffB | FORBIDDEN: owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Query.portalUser:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | allowed: MANAGER ADMIN SUPER_ADMIN | PORTAL_USER_NOT_FOUND: superAdminHome staffB | UNAUTHENTICATED: anonymous",
  "Query.staffKbArticle:id": "allowed: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN | ARTICLE_NOT_FOUND: superAdminHome staffB | FORBIDDEN: owner ownerOwnMode peerShared peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
  "Query.ticket:id": "FORBIDDEN: VIEWER RESPONDER ENGINEER MANAGER ADMIN SUPER_ADMIN superAdminHome staffB | allowed: owner ownerOwnMode peerShared | INCIDENT_NOT_FOUND: peerOwn otherOrg noOrg customerB | UNAUTHENTICATED: anonymous",
}
`);
  });

  const call = async (e: RowEntry, id: string, c: Caller) => {
    const op = await e.op(id, w);
    return w.gql(op.query, op.variables, c, op.files);
  };

  for (const entry of ROW_ENTRIES) {
    it(entry.slot, async () => {
      const problems: string[] = [];
      const cases = CALLERS.map((name) => ({ c: w.callers[name], out: expected(entry.access, entry.notFound, w.callers[name]) }));

      // Refusals first, against the shared rows; then the rows must be as they were.
      const refused = cases.filter((x) => !x.out.allowed);
      const targets = [...new Set(refused.map((x) => entry.target(w, x.c)))];
      const before = entry.snapshot ? await Promise.all(targets.map((id) => entry.snapshot!(w, id))) : [];
      await Promise.all(
        refused.map(async ({ c, out }) => {
          const id = entry.target(w, c);
          const missing = randomUUID();
          const real = await call(entry, id, c);
          const ghost = await call(entry, missing, c);
          const code = real.body.errors?.[0]?.extensions?.code;
          if (code !== out.code) problems.push(`${c.name}: ${code ?? 'no error'} instead of ${out.code}: ${real.text}`);
          if (!out.seesRow && (real.status !== ghost.status || real.text.replaceAll(id, missing) !== ghost.text)) {
            problems.push(`${c.name}: an existing row answers unlike a missing one:\n  existing ${real.status} ${real.text}\n  missing  ${ghost.status} ${ghost.text}`);
          }
        }),
      );
      if (entry.snapshot) {
        const after = await Promise.all(targets.map((id) => entry.snapshot!(w, id)));
        targets.forEach((id, i) => {
          if (JSON.stringify(after[i]) !== JSON.stringify(before[i])) problems.push(`a refused call changed ${id}: ${JSON.stringify(before[i])} -> ${JSON.stringify(after[i])}`);
        });
      }

      // Allowed calls: mutations on a fresh row of the same kind each, so they change nothing shared.
      await Promise.all(
        cases
          .filter((x) => x.out.allowed)
          .map(async ({ c }) => {
            const id = entry.fresh ? await entry.fresh(w, c) : entry.target(w, c);
            const res = await call(entry, id, c);
            const data = res.body.data;
            if (res.body.errors?.length || data?.[fieldOf(entry.slot)] == null) {
              problems.push(`${c.name}: refused, but the policy allows it: ${res.text}`);
              return;
            }
            const problem = entry.check?.(data, id, w);
            if (problem) problems.push(`${c.name}: ${problem}`);
          }),
      );
      expect(problems).toEqual([]);
    });
  }
});
