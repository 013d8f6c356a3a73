/**
 * The renderer's Vite configuration, shared by electron-vite (the desktop
 * app) and by `npm run build:renderer` (the dev:web harness and e2e tests),
 * so that both serve exactly the same bundle.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

export const rendererRoot = resolve(import.meta.dirname, 'src-renderer');

export const rendererConfig: UserConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    // SLA_RENDERER_OUT lets parallel work on one checkout build and test its own copy.
    outDir: resolve(import.meta.dirname, process.env.SLA_RENDERER_OUT ?? 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2500,
    rolldownOptions: { input: resolve(rendererRoot, 'index.html') },
  },
};

export default rendererConfig;
