import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { StaffViewer } from '../../auth/viewer';
import type { Config } from '../../config/config';
import { Incident } from '../incident/incident.entity';
import { findIncident, updatesFor } from '../incident/incident.read';
import { Tenant } from '../tenant/tenant.entity';
import { User } from '../user/user.entity';
import { analyze, ANALYZER, type AnalysisResult } from './ezra.analysis';
import { IncidentAnalysis as AnalysisEntity, type AnalysisTrigger, type Audience } from './ezra.entity';
import { askProvider, type ProviderConfig } from './ezra.provider';
import { lockRuns, nextVersion, publicFacts, queryText, reach, similarIncidents, suggestedArticles } from './ezra.read';
import { renderReport, type EzraInput, type StaffIncidentFacts, type StaffUpdateFacts } from './ezra.report';

/** Recorded on a run when the worker that takes its job has no provider: better FAILED than PENDING forever. */
export const NO_PROVIDER_IN_WORKER = 'No provider is configured in the worker that ran this job (EZRA_PROVIDER_URL).';

/** What a run needs of the process: the provider's settings and a log. The server's Runtime has both, and so does the worker. */
export interface AnalystDeps {
  config: Pick<Config, 'ezra'>;
  log: Logger;
}

/** The incident read model scoped to a tenant, for work that runs without a signed-in viewer. */
const tenantReader = (tenantId: string): StaffViewer => ({ kind: 'staff', tenantId, userId: '00000000-0000-0000-0000-000000000000', role: 'VIEWER', sessionId: 'ezra' });

/** A run ready to store: the deterministic analysis, the audience's input (what the provider gets) and its report. */
export interface PreparedRun {
  result: AnalysisResult;
  input: EzraInput;
  report: string;
}

/**
 * One Ezra run on one incident, whoever asked for it (staff on demand, or the worker's automatic run). Every
 * read names the tenant explicitly, so it runs the same under the tenant's role (a staff request) and as
 * the tables' owner (the worker).
 */
export class EzraAnalyst {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: AnalystDeps,
  ) {}

  get provider(): ProviderConfig | undefined {
    return this.deps.config.ezra.provider;
  }

  /**
   * Analyses the incident and stores the run as its next version; null when the incident is gone, or when
   * `trigger` is AUTO and the incident already has its automatic run (checked under the incident's run lock,
   * in the inserting transaction, so two runs at once store one). `onStored` runs in the inserting
   * transaction, so what it writes (a staff run's provider job) commits with the run or not at all.
   */
  async run(
    tenantId: string,
    incidentId: string,
    audience: Audience,
    trigger: AnalysisTrigger,
    requestedBy: string | null,
    onStored?: (tx: EntityManager, analysisId: string) => Promise<void>,
  ): Promise<{ id: string; input: EzraInput } | null> {
    const asOf = new Date().toISOString();
    const prepared = await this.prepare(tenantId, incidentId, audience, asOf);
    if (!prepared) return null;
    const { result, input, report } = prepared;
    const provider = this.provider;
    const id = await this.em.transactional(async (tx) => {
      await lockRuns(tx, incidentId);
      if (trigger === 'AUTO' && (await tx.count(AnalysisEntity, { incident: incidentId, trigger: 'AUTO' }))) return null;
      const row = tx.create(AnalysisEntity, {
        tenant: tx.getReference(Tenant, tenantId),
        incident: tx.getReference(Incident, incidentId),
        version: await nextVersion(tx, tenantId, incidentId),
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
      await onStored?.(tx, row.id);
      this.deps.log.info({ incidentId, analysisId: row.id, version: row.version, audience, trigger }, 'ezra analysis stored');
      return row.id;
    });
    return id ? { id, input } : null;
  }

  /** Analysis, input for the audience and report, as of `asOf`; null when the incident is not the tenant's (or gone). */
  async prepare(tenantId: string, incidentId: string, audience: Audience, asOf = new Date().toISOString()): Promise<PreparedRun | null> {
    const staff = await this.staffFacts(tenantId, incidentId);
    if (!staff) return null;
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
    return input ? { result, input, report: renderReport(input) } : null;
  }

  /**
   * Sends a run's input to the provider and stores its answer, or why there is none, on the run. Only a run
   * still PENDING takes it, so a second call for one run (a retried job) never overwrites the first answer.
   * When `stop` fires (the worker is stopping) nothing is recorded and the error is thrown: the job runs again.
   */
  async askProvider(analysisId: string, provider: ProviderConfig, input: EzraInput, stop?: AbortSignal): Promise<void> {
    const em = this.em.fork();
    let answer: { model: string; report: string };
    try {
      answer = await askProvider(provider, input, stop);
    } catch (e) {
      if (stop?.aborted) throw e;
      this.deps.log.warn({ analysisId, err: (e as Error).message }, 'ezra provider call failed');
      await this.recordProviderFailure(analysisId, (e as Error).message);
      return;
    }
    await em.nativeUpdate(
      AnalysisEntity,
      { id: analysisId, providerStatus: 'PENDING' },
      { providerStatus: 'SUCCEEDED', providerModel: answer.model, providerReport: answer.report, providerFinishedAt: new Date() },
    );
  }

  /** Records why a run has no provider answer, unless one was stored meanwhile (only a PENDING run takes it). */
  async recordProviderFailure(analysisId: string, message: string): Promise<void> {
    await this.em.fork().nativeUpdate(
      AnalysisEntity,
      { id: analysisId, providerStatus: 'PENDING' },
      { providerStatus: 'FAILED', providerError: message.slice(0, 500), providerFinishedAt: new Date() },
    );
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
}
