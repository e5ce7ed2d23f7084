import type { EntityManager } from '@mikro-orm/postgresql';
import type { FollowUpJob, OutboxEventRow } from '../notifications/dispatch';
import { EzraAnalyst, NO_PROVIDER_IN_WORKER, type AnalystDeps } from './ezra.analyst';
import { IncidentAnalysis as AnalysisEntity } from './ezra.entity';

/**
 * Ezra's automatic run of a portal-created incident, as a job of the worker: durable (queued in the
 * transaction that marks the ticket's outbox event dispatched, so it waits in the queue while no worker runs),
 * retried on failure, and run by a queue runner of its own (EZRA_MAX_CONCURRENT at once), so a slow or failing
 * run never holds up an e-mail or a webhook.
 */
export const AUTO_TASK = 'ezra.auto';

/** graphile-worker waits e^n seconds after the n-th failed try (at most e^10): 10 tries span about 3.5 hours. */
export const AUTO_MAX_ATTEMPTS = 10;

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
 * stored by a try that was stopped during the provider call is finished: the provider is asked again. A
 * provider failure is recorded on the run (FAILED) and ends the job; any other error fails the try, and the
 * queue tries again later.
 */
export async function runAutoAnalysis(
  em: EntityManager,
  deps: AnalystDeps,
  job: AutoPayload,
  stop?: AbortSignal,
): Promise<'stored' | 'provider-asked-again' | 'no-provider' | 'skipped'> {
  const analyst = new EzraAnalyst(em, deps);
  const provider = analyst.provider;
  const earlier = await em.findOne(AnalysisEntity, { tenant: job.tenantId, incident: job.incidentId, trigger: 'AUTO' }, { fields: ['providerStatus'] });
  if (earlier) {
    if (earlier.providerStatus !== 'PENDING') return 'skipped';
    if (!provider) {
      // Stored by a worker with a provider, retried by one without: say why, rather than stay PENDING for ever.
      await analyst.recordProviderFailure(earlier.id, NO_PROVIDER_IN_WORKER);
      return 'no-provider';
    }
    const prepared = await analyst.prepare(job.tenantId, job.incidentId, 'ENGINEER');
    if (!prepared) return 'skipped';
    await analyst.askProvider(earlier.id, provider, prepared.input, stop);
    return 'provider-asked-again';
  }
  const run = await analyst.run(job.tenantId, job.incidentId, 'ENGINEER', 'AUTO', null);
  if (!run) return 'skipped'; // the incident is gone, or another try stored the run meanwhile
  if (provider) await analyst.askProvider(run.id, provider, run.input, stop);
  return 'stored';
}
