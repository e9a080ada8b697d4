import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses this file: migrations are applied by src/migrate.ts
// (the native migration engine cannot be downloaded on our machines).
export default defineConfig({
  schema: 'prisma/schema.prisma',
});
