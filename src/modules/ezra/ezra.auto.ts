import type { EntityManager } from '@mikro-orm/postgresql';
import type { FollowUpJob, OutboxEventRow } from '../notifications/dispatch';
import { EzraAnalyst, type AnalystDeps } from './ezra.analyst';
import { IncidentAnalysis as AnalysisEntity } from './ezra.entity';
import { PROVIDER_MAX_ATTEMPTS, runProviderCall } from './ezra.provider-job';

/**
 * Ezra's automatic run of a portal-created incident, as a job of the worker: durable (queued in the
 * transaction that marks the ticket's outbox event dispatched, so it waits in the queue while no worker runs),
 * retried on failure, and run by a queue runner of its own (EZRA_MAX_CONCURRENT at once), so a slow or failing
 * run never holds up an e-mail or a webhook.
 */
export const AUTO_TASK = 'ezra.auto';

/** As for staff runs' provider calls: 10 tries over about 3.5 hours. */
export const AUTO_MAX_ATTEMPTS = PROVIDER_MAX_ATTEMPTS;

export interface AutoPayload {
  tenantId: string;
  incidentId: string;
  /** The outbox event the job came from, for the log. */
  eventId: string;
}

/** The automatic run an event asks for: a new portal ticket's, when EZRA_AUTO_ANALYZE is on (in the dispatching worker). */
export function autoAnalysisJobs(config: AnalystDeps['config'], event: OutboxEventRow): FollowUpJob[] {
  const incidentId = event.payload.incidentId;
  if (!config.ezra.autoAnalyze || event.type !== 'incident.created_by_customer' || typeof incidentId !== 'string') return [];
  const payload: AutoPayload = { tenantId: event.tenantId, incidentId, eventId: event.id };
  return [{ task: AUTO_TASK, payload: { ...payload }, jobKey: `ezra.auto:${incidentId}`, maxAttempts: AUTO_MAX_ATTEMPTS }];
}

/**
 * The `ezra.auto` job. Runs as the tables' owner like every worker job, reading with the tenant named
 * explicitly (the event row's tenant). Run twice (a retry, a job freed from a stalled worker) it stores one
 * AUTO run: the analyst checks for one under the incident's run lock in the inserting transaction. A run
 * stored by a try that was stopped during the provider call is finished as a staff run's provider call is
 * (`runProviderCall`: asked again if still PENDING, FAILED with the reason in a worker without a provider). A
 * provider failure is recorded on the run (FAILED) and ends the job; any other error fails the try, and the
 * queue tries again later.
 */
export async function runAutoAnalysis(
  em: EntityManager,
  deps: AnalystDeps,
  job: AutoPayload,
  stop?: AbortSignal,
): Promise<'stored' | 'provider-asked-again' | 'no-provider' | 'skipped'> {
  // On a fork: runProviderCall loads the run with the fields it needs, not this partial one from the identity map.
  const earlier = await em.fork().findOne(AnalysisEntity, { tenant: job.tenantId, incident: job.incidentId, trigger: 'AUTO' }, { fields: ['id'] });
  if (earlier) {
    const outcome = await runProviderCall(em, deps, { tenantId: job.tenantId, analysisId: earlier.id }, stop);
    return outcome === 'asked' ? 'provider-asked-again' : outcome;
  }
  const analyst = new EzraAnalyst(em, deps);
  const provider = analyst.provider;
  const run = await analyst.run(job.tenantId, job.incidentId, 'ENGINEER', 'AUTO', null);
  if (!run) return 'skipped'; // the incident is gone, or another try stored the run meanwhile
  if (provider) await analyst.askProvider(run.id, provider, run.input, stop);
  return 'stored';
}
