import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueue } from '../notifications/queue';
import { EzraAnalyst, NO_PROVIDER_IN_WORKER, type AnalystDeps } from './ezra.analyst';
import { IncidentAnalysis as AnalysisEntity } from './ezra.entity';

/**
 * The provider call of a staff-requested run, as a job of the worker: queued in the transaction that stores
 * the PENDING run (so it exists exactly when the run does, and waits in the queue while no worker runs),
 * retried on failure, and run beside the automatic runs on the worker's Ezra runner (EZRA_MAX_CONCURRENT at
 * once). The deterministic part of the run is stored and answered in the request; only this part waits.
 */
export const PROVIDER_TASK = 'ezra.provider';

/** graphile-worker waits e^n seconds after the n-th failed try (at most e^10): 10 tries span about 3.5 hours. */
export const PROVIDER_MAX_ATTEMPTS = 10;

export interface ProviderJobPayload {
  tenantId: string;
  analysisId: string;
}

/** Queues the provider call of a stored run, in `tx` (the inserting transaction); one waiting job per run. */
export function queueProviderCall(tx: EntityManager, job: ProviderJobPayload): Promise<void> {
  return enqueue(tx, PROVIDER_TASK, { ...job }, { jobKey: `ezra.provider:${job.analysisId}`, maxAttempts: PROVIDER_MAX_ATTEMPTS });
}

/**
 * The `ezra.provider` job. Runs as the tables' owner like every worker job, with the payload's tenant named in
 * every read. The input is rebuilt for the run's audience as of the run's time (the incident as it is now:
 * normally the job runs right after the commit). Only a PENDING run is asked about, and only a PENDING run
 * takes an answer, so a job run twice, one after the other or at once, stores one answer (the first). A
 * provider failure is recorded on the run (FAILED) and ends the job; a stop (the worker shutting down) or
 * any other error fails the try, and the queue tries again later.
 */
export async function runProviderCall(em: EntityManager, deps: AnalystDeps, job: ProviderJobPayload, stop?: AbortSignal): Promise<'asked' | 'no-provider' | 'skipped'> {
  const run = await em.findOne(AnalysisEntity, { id: job.analysisId, tenant: job.tenantId }, { fields: ['providerStatus', 'audience', 'incident', 'createdAt'] });
  if (!run || run.providerStatus !== 'PENDING') return 'skipped'; // answered already, or gone with its incident
  const analyst = new EzraAnalyst(em, deps);
  const provider = analyst.provider;
  if (!provider) {
    await analyst.recordProviderFailure(run.id, NO_PROVIDER_IN_WORKER);
    return 'no-provider';
  }
  const prepared = await analyst.prepare(job.tenantId, run.incident.id, run.audience, run.createdAt.toISOString());
  if (!prepared) return 'skipped';
  await analyst.askProvider(run.id, provider, prepared.input, stop);
  return 'asked';
}
