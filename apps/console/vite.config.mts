import { defineConfig } from 'vite';

/**
 * The admin console: a React single-page app, built into dist/console (served by the gateway at `/`).
 * `npm run build:console` type-checks it with its own tsconfig, then builds it; there is no dev server
 * to run: the gateway serves the build.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // react-query marks its modules "use client" for server components: meaningless in this bundle
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
