import globalSetup from './global-setup';

// jest's global setup as a process of its own (tests/setup/process.ts spawnTestSetup): for the test of how it fails.
void globalSetup().then(() => process.exit(0));
