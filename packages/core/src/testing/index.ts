// @rapport/core/testing — shared suites any storage adapter can run.
export { describeStorageAdapter } from './describe-storage-adapter.js';
export type { StorageAdapterSuiteOptions } from './describe-storage-adapter.js';
export { assert, assertEqual, assertRejects, deepEqual, AssertionError } from './assert.js';
export { runAdapterModel } from './adapter-model.js';
export type { AdapterModelOptions, AdapterModelReport } from './adapter-model.js';
