import type { EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../../auth/runtime';
import type { StaffViewer } from '../../auth/viewer';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { Incident } from '../incident/incident.entity';
import { IncidentNotFoundError } from '../incident/incident.errors';
import { findIncident, updatesFor } from '../incident/incident.read';
import { IncidentService } from '../incident/incident.service';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';
import { analyze, ANALYZER, type AnalysisResult } from './ezra.analysis';
import { IncidentAnalysis as AnalysisEntity, type AnalysisTrigger, type Audience } from './ezra.entity';
import { askProvider, type ProviderConfig } from './ezra.provider';
import { findAnalysis, listAnalyses, lockRuns, nextVersion, publicFacts, queryText, reach, similarIncidents, suggestedArticles, type AnalysisRow } from './ezra.read';
import { renderReport, type EzraInput, type StaffIncidentFacts, type StaffUpdateFacts } from './ezra.report';
import type { IncidentAnalysis, IncidentAnalysisPage } from './ezra.types';

export class AnalysisNotFoundError extends NotFoundError {
  override readonly code = 'ANALYSIS_NOT_FOUND';
  constructor() {
    super('This incident has no analysis yet.');
  }
}

/** The incident read model scoped to a tenant, for work that runs without a signed-in viewer. */
const tenantReader = (tenantId: string): StaffViewer => ({ kind: 'staff', tenantId, userId: '00000000-0000-0000-0000-000000000000', role: 'VIEWER', sessionId: 'ezra' });

const view = ({ result, ...row }: AnalysisRow): IncidentAnalysis => ({ ...row, ...result }) as IncidentAnalysis;

/**
 * Ezra, the incident analyst. A run reads the incident, finds similar incidents and helpful articles with
 * PostgreSQL's text search, derives a suggested priority and service area from signals in the text, renders a
 * report for one audience and stores it all as the incident's next numbered run. With a provider configured,
 * the same structured input goes to it afterwards, in the background, and its answer is stored beside the
 * deterministic one. The CUSTOMER input (and so its report, and what the provider receives) is read by a
 * statement that selects customer-visible data only.
 */
export class EzraService {
  constructor(
    private readonly em: EntityManager,
    private readonly rt: Runtime,
  ) {}

  /** Staff (ENGINEER and above, by shield): runs Ezra now and returns the stored run. */
  async analyze(viewer: StaffViewer, idOrNumber: string, audience: Audience): Promise<IncidentAnalysis> {
    const incident = await new IncidentService(this.em).get(viewer, idOrNumber);
    const id = await this.run(viewer.tenantId, incident.id, audience, 'MANUAL', viewer.userId);
    const stored = id ? await findAnalysis(this.em, viewer.tenantId, id) : null;
    if (!stored) throw new IncidentNotFoundError(); // deleted while it was being analyzed
    return view(stored);
  }

  async latest(viewer: StaffViewer, idOrNumber: string, audience?: Audience | null): Promise<IncidentAnalysis> {
    const incident = await new IncidentService(this.em).get(viewer, idOrNumber);
    const { items } = await listAnalyses(this.em, viewer.tenantId, incident.id, audience, 1, 1);
    if (!items.length) throw new AnalysisNotFoundError();
    return view(items[0]);
  }

  async history(viewer: StaffViewer, idOrNumber: string, audience: Audience | null | undefined, page = 1, limit = 20): Promise<IncidentAnalysisPage> {
    if (!Number.isInteger(page) || page < 1) throw ValidationError.field('page', 'must be a whole number from 1');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw ValidationError.field('limit', 'must be a whole number from 1 to 100');
    const incident = await new IncidentService(this.em).get(viewer, idOrNumber);
    const { items, total } = await listAnalyses(this.em, viewer.tenantId, incident.id, audience, page, limit);
    return { items: items.map(view), pagination: { page, limit, total, totalPages: Math.ceil(total / limit) } };
  }

  /**
   * After a customer's ticket is committed: analyze it for the engineers in the background, once, never
   * delaying the answer to the customer (the job starts on a later turn of the event loop and queues behind
   * EZRA_MAX_CONCURRENT others). Shutdown waits for it; a crash loses it (staff can run Ezra on demand).
   */
  scheduleAuto(tenantId: string, incidentId: string): void {
    if (!this.rt.config.ezra.autoAnalyze) return;
    const em = this.em.fork();
    this.rt.background.run('ezra.auto', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await this.rt.ezraQueue.run(() => new EzraService(em, this.rt).run(tenantId, incidentId, 'ENGINEER', 'AUTO', null));
    });
  }

  /** One run: analysis, input for the audience, report, stored as the next version. Null when skipped. */
  private async run(tenantId: string, incidentId: string, audience: Audience, trigger: AnalysisTrigger, requestedBy: string | null): Promise<string | null> {
    const asOf = new Date().toISOString();
    const staff = await this.staffFacts(tenantId, incidentId);
    if (!staff) return null; // deleted meanwhile
    const { incident, updates } = staff;
    const { linkedReports, affectedCustomers } = await reach(this.em, tenantId, incidentId);
    const similar = await similarIncidents(this.em, tenantId, incidentId, incident.title, incident.description);
    const articles = await suggestedArticles(this.em, tenantId, incident.title, queryText(incident.description, incident.techDescription), false);
    const result = analyze({
      title: incident.title,
      text: [incident.description, incident.techDescription, incident.impactSummary, incident.blastRadius, ...updates.map((u) => u.body)].filter(Boolean).join('\n'),
      priority: incident.priority,
      serviceArea: incident.serviceArea,
      linkedReports,
      affectedCustomers,
      similarIncidents: similar,
      suggestedArticles: articles,
    });
    const input = await this.inputFor(audience, tenantId, incidentId, asOf, incident, updates, result);
    if (!input) return null;
    const report = renderReport(input);
    const provider = this.rt.config.ezra.provider;

    const id = await this.em.transactional(async (tx) => {
      await lockRuns(tx, incidentId);
      if (trigger === 'AUTO' && (await tx.count(AnalysisEntity, { incident: incidentId, trigger: 'AUTO' }))) return null;
      const row = tx.create(AnalysisEntity, {
        tenant: tx.getReference(Tenant, tenantId),
        incident: tx.getReference(Incident, incidentId),
        version: await nextVersion(tx, incidentId),
        audience,
        trigger,
        requestedBy: requestedBy ? tx.getReference(User, requestedBy) : null,
        analyzer: ANALYZER,
        result,
        report,
        providerStatus: provider ? 'PENDING' : 'NOT_CONFIGURED',
        providerModel: provider?.model ?? null,
        createdAt: new Date(asOf),
      });
      await tx.flush();
      this.rt.log.info({ incidentId, analysisId: row.id, version: row.version, audience, trigger }, 'ezra analysis stored');
      return row.id;
    });
    if (id && provider) this.rt.background.run('ezra.provider', () => this.rt.ezraQueue.run(() => this.askProvider(id, provider, input)));
    return id;
  }

  private async staffFacts(tenantId: string, incidentId: string): Promise<{ incident: StaffIncidentFacts; updates: StaffUpdateFacts[] } | null> {
    const reader = tenantReader(tenantId);
    const i = await findIncident(this.em, reader, incidentId);
    if (!i) return null;
    const updates = (await updatesFor(this.em, reader, [incidentId])).get(incidentId) ?? [];
    return {
      incident: {
        number: i.number,
        title: i.title,
        description: i.description,
        techDescription: i.techDescription,
        status: i.status,
        priority: i.priority,
        serviceArea: i.serviceArea,
        environment: i.environment,
        region: i.region,
        impactSummary: i.impactSummary,
        blastRadius: i.blastRadius,
        assignee: i.assignee?.displayName ?? null,
        createdAt: i.createdAt,
        acknowledgedAt: i.acknowledgedAt,
        resolvedAt: i.resolvedAt,
        closedAt: i.closedAt,
        resolutionSummary: i.resolutionSummary,
        sla: {
          responseDueAt: i.sla.responseDueAt,
          resolutionDueAt: i.sla.resolutionDueAt,
          state: i.internalSla?.state ?? null,
          responseBreached: i.internalSla?.responseBreached ?? null,
          resolutionBreached: i.internalSla?.resolutionBreached ?? null,
        },
      },
      updates: updates.map((u) => ({ at: u.createdAt, kind: u.kind, status: u.status, visibility: u.visibility, author: u.author.displayName, body: u.body })),
    };
  }

  /**
   * The structured input for the audience. ENGINEER and LEADERSHIP are built from the staff facts; CUSTOMER
   * ignores them and reads the customer view afresh, with articles chosen from public text among PUBLIC ones.
   */
  private async inputFor(
    audience: Audience,
    tenantId: string,
    incidentId: string,
    asOf: string,
    incident: StaffIncidentFacts,
    updates: StaffUpdateFacts[],
    result: AnalysisResult,
  ): Promise<EzraInput | null> {
    if (audience === 'ENGINEER') return { audience, asOf, incident, updates, analysis: result };
    if (audience === 'LEADERSHIP') {
      const { number, title, status, priority, serviceArea, impactSummary, blastRadius, createdAt, acknowledgedAt, resolvedAt, closedAt, resolutionSummary, sla } = incident;
      return {
        audience,
        asOf,
        incident: { number, title, status, priority, serviceArea, impactSummary, blastRadius, createdAt, acknowledgedAt, resolvedAt, closedAt, resolutionSummary, sla },
        timeline: updates.filter((u) => u.kind === 'STATUS').map((u) => ({ at: u.at, status: u.status, visibility: u.visibility })),
        linkedReports: result.linkedReports,
        affectedCustomers: result.affectedCustomers,
        suggestedPriority: result.suggestedPriority,
        similarIncidents: result.similarIncidents.slice(0, 3).map((s) => ({ number: s.number, title: s.title, score: s.score, status: s.status, resolutionSummary: s.resolutionSummary })),
      };
    }
    const visible = await publicFacts(this.em, tenantId, incidentId);
    if (!visible) return null;
    const articles = await suggestedArticles(this.em, tenantId, visible.incident.title, queryText(visible.incident.description), true);
    return { audience, asOf, incident: visible.incident, updates: visible.updates, articles: articles.map((a) => ({ title: a.title, slug: a.slug })) };
  }

  /** Sends the run's input to the provider and stores its answer (or why there is none) on the run. */
  private async askProvider(analysisId: string, provider: ProviderConfig, input: EzraInput): Promise<void> {
    const em = this.em.fork();
    try {
      const answer = await askProvider(provider, input);
      await em.nativeUpdate(AnalysisEntity, { id: analysisId }, { providerStatus: 'SUCCEEDED', providerModel: answer.model, providerReport: answer.report, providerFinishedAt: new Date() });
    } catch (e) {
      this.rt.log.warn({ analysisId, err: (e as Error).message }, 'ezra provider call failed');
      await em.nativeUpdate(AnalysisEntity, { id: analysisId }, { providerStatus: 'FAILED', providerError: (e as Error).message.slice(0, 500), providerFinishedAt: new Date() });
    }
  }
}
