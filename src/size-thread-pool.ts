// First import of every entry point: libuv sizes its thread pool once, when first used (see shared/threadpool.ts).
import { sizeThreadPool } from './shared/threadpool';

sizeThreadPool();
