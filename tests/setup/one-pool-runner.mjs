// jest-light-runner keeps a pool of workers per jest project. The unit and integration projects differ only in
// which files they match and whether a database is started; for the runner's workers they are the same (setup
// files, snapshots). Run under one project's settings, unit files reuse the integration workers, which have
// loaded the server's modules already, instead of starting a pool of their own at the end of the run (jest
// orders the quickest files last). Jest itself still sees every file under its own project.
import { createRunner } from 'jest-light-runner';

const LightRunner = createRunner();

export default class OnePoolRunner extends LightRunner {
  runTests(tests, watcher, onStart, onResult, onFailure) {
    const shared = (tests.find((t) => t.context.config.globalSetup) ?? tests[0])?.context.config;
    const original = new Map();
    const renamed = tests.map((test) => {
      const copy = { ...test, context: { ...test.context, config: shared } };
      original.set(copy, test);
      return copy;
    });
    return super.runTests(
      renamed,
      watcher,
      (test) => onStart(original.get(test)),
      (test, result) => onResult(original.get(test), result),
      (test, error) => onFailure(original.get(test), error),
    );
  }
}
