import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ANONYMOUS, type Viewer } from '../auth/viewer';
import type { Config } from '../config/config';
import { createServices, type Services } from '../modules/services';

/** Everything a resolver may use, built once per request. */
export interface Context {
  requestId: string;
  viewer: Viewer;
  /** A fork of the ORM's EntityManager for this request only (writes and single-row paths). */
  em: EntityManager;
  services: Services;
  log: Logger;
  config: Config;
}

export interface ContextDeps {
  orm: MikroORM;
  config: Config;
}

export interface RequestInfo {
  requestId: string;
  log: Logger;
  authorization?: string;
}

export async function buildContext(deps: ContextDeps, request: RequestInfo): Promise<Context> {
  const em = deps.orm.em.fork();
  // No token machinery yet: every caller is anonymous until staff identity lands.
  const viewer: Viewer = ANONYMOUS;
  return {
    requestId: request.requestId,
    viewer,
    em,
    services: createServices(em),
    log: request.log,
    config: deps.config,
  };
}
