import { describeStorageAdapter } from '../testing/index.js';
import { createMemoryAdapter } from './memory-adapter.js';

describeStorageAdapter('memory', { create: () => createMemoryAdapter() });
