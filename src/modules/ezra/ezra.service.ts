import type { EntityManager } from '@mikro-orm/postgresql';
import type { Runtime } from '../../runtime';
import type { StaffViewer } from '../../auth/viewer';
import { NotFoundError } from '../../shared/errors';
import { pageArgs, pageInfo } from '../../shared/listing';
import { IncidentNotFoundError } from '../incident/incident.errors';
import type { IncidentService } from '../incident/incident.service';
import { EzraAnalyst } from './ezra.analyst';
import type { Audience } from './ezra.entity';
import { queueProviderCall } from './ezra.provider-job';
import { ANALYSIS_ORDER, analysesQuery, findAnalysis, listAnalyses, type AnalysisRow } from './ezra.read';
import { connectionArgs, keysetConnection, mapConnection, type ConnectionArgsInput, type ConnectionView } from '../../shared/connection';
import type { IncidentAnalysis, IncidentAnalysisPage } from './ezra.types';

export class AnalysisNotFoundError extends NotFoundError {
  override readonly code = 'ANALYSIS_NOT_FOUND';
  constructor() {
    super('This incident has no analysis yet.');
  }
}

const view = ({ result, ...row }: AnalysisRow): IncidentAnalysis => ({ ...row, ...result }) as IncidentAnalysis;

/**
 * Ezra, the incident analyst, for staff. A run (EzraAnalyst) reads the incident, finds similar incidents and
 * helpful articles with PostgreSQL's text search, derives a suggested priority and service area from signals
 * in the text, renders a report for one audience and stores it all as the incident's next numbered run. With
 * a provider configured, the same structured input goes to it afterwards, from a worker job, and its answer
 * is stored beside the deterministic one. The CUSTOMER input (and so its report, and what the provider
 * receives) is read by a statement that selects customer-visible data only. The automatic run of a portal
 * ticket is a worker job too (ezra.auto.ts).
 */
export class EzraService {
  constructor(
    private readonly em: EntityManager,
    /** `config` and `log` for the analyst (EzraAnalyst). */
    private readonly rt: Pick<Runtime, 'rateLimits' | 'config' | 'log'>,
    /** The request's services this one uses (modules/services.ts). */
    private readonly services: { incidents: IncidentService },
  ) {}

  /**
   * Staff (ENGINEER and above, by shield): runs Ezra now and returns the stored run. With a provider, its call
   * is a worker job queued with the run (ezra.provider-job.ts), so it survives a crash of this process. Counted
   * against the workspace's hourly budget once the incident is known to be one the viewer may see.
   */
  async analyze(viewer: StaffViewer, idOrNumber: string, audience: Audience): Promise<IncidentAnalysis> {
    const incident = await this.services.incidents.get(viewer, idOrNumber);
    await this.rt.rateLimits.consumeEzraRun(viewer.tenantId);
    const analyst = new EzraAnalyst(this.em, this.rt);
    const queueProvider = analyst.provider ? (tx: EntityManager, analysisId: string) => queueProviderCall(tx, { tenantId: viewer.tenantId, analysisId }) : undefined;
    const run = await analyst.run(viewer.tenantId, incident.id, audience, 'MANUAL', viewer.userId, queueProvider);
    const stored = run ? await findAnalysis(this.em, viewer.tenantId, run.id) : null;
    if (!run || !stored) throw new IncidentNotFoundError(); // deleted while it was being analyzed
    return view(stored);
  }

  async latest(viewer: StaffViewer, idOrNumber: string, audience?: Audience | null): Promise<IncidentAnalysis> {
    const incident = await this.services.incidents.get(viewer, idOrNumber);
    const { items } = await listAnalyses(this.em, viewer.tenantId, incident.id, audience, 1, 1);
    if (!items.length) throw new AnalysisNotFoundError();
    return view(items[0]);
  }

  async history(viewer: StaffViewer, idOrNumber: string, audience: Audience | null | undefined, page?: number | null, limit?: number | null): Promise<IncidentAnalysisPage> {
    const at = pageArgs(page, limit);
    const incident = await this.services.incidents.get(viewer, idOrNumber);
    const { items, total } = await listAnalyses(this.em, viewer.tenantId, incident.id, audience, at.page, at.limit);
    return { items: items.map(view), pagination: pageInfo(at, total) };
  }

  /** The same runs as a cursor connection (incidentAnalysesConnection): the same incident lookup and query. */
  async historyConnection(viewer: StaffViewer, idOrNumber: string, audience: Audience | null | undefined, args: ConnectionArgsInput): Promise<ConnectionView<IncidentAnalysis>> {
    const req = connectionArgs(args);
    const incident = await this.services.incidents.get(viewer, idOrNumber);
    return mapConnection(await keysetConnection<AnalysisRow>(this.em, analysesQuery(viewer.tenantId, incident.id, audience), ANALYSIS_ORDER, req), view);
  }
}
