import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { graphqlDocuments } from './plugins/graphql-documents.ts';

export default defineConfig({
  // The documents as the build writes them (each with the text the sign-in page posts).
  plugins: [react(), graphqlDocuments({ gqlDir: fileURLToPath(new URL('./src/gql', import.meta.url)) })],
  test: {
    name: '@kinpay/web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'plugins/**/*.test.ts'],
    setupFiles: ['./src/test/setup.ts'],
  },
});
