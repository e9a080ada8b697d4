// Entry point of the report-reading worker thread. Plain JavaScript so it starts the same way under
// tsx, vitest and node; it loads the TypeScript worker through tsx's scoped loader.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
