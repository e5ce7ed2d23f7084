import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from '../config/config';

/** Prints one clear line (no stack trace) and exits 1: for faults the user must fix before starting. */
export function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

/** The settings, or one line per problem and exit 1. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
}

/**
 * On SIGINT/SIGTERM: say what is happening, run `stop` once (finishing the work in progress), exit 0; exit 1
 * when it fails or outlasts `timeoutMs`.
 */
export function stopOnSignals(log: Logger, timeoutMs: number, finishing: string, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: ${finishing}, then stopping`);
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, timeoutMs);
    force.unref();
    try {
      await stop();
      log.info('stopped');
      process.exit(0);
    } catch (e) {
      log.error({ err: e }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void onSignal('SIGINT'));
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
}

/** The last resort for a start-up failure that is not a StartupError: still one line, still exit 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((e) => {
    process.stderr.write(`error: could not start: ${(e as Error)?.message ?? String(e)}\n`);
    process.exit(1);
  });
}
