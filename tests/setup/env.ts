// Loaded in every test worker before the test file: the settings every test app starts from.
import 'reflect-metadata';

process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
