#!/usr/bin/env node
// Builds the installers: `npm run dist:linux` (AppImage, deb), `npm run dist:win`
// (NSIS) and `npm run dist:mac` (dmg). Needs the internet on first use:
// electron-builder downloads the Electron runtime for the target and its own tools.
//
// 0. The Electron runtime for this machine is fetched once, as for `npm run dev`
//    (scripts/electron-runtime.mjs); offline, one sentence says so and nothing is built.
// 1. electron-vite builds main, preload and renderer into out/.
// 2. electron-builder packages out/ with electron-builder.yml; its npmRebuild
//    compiles better-sqlite3 for the target's Electron, in node_modules itself.
// 3. Whatever happened, better-sqlite3 is rebuilt for Node again afterwards, so
//    that `npm test` and `npm run sla` keep working in this checkout.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronRuntime, localeFromEnvironment, runtimeMissingMessage } from './electron-runtime.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLATFORMS = { '--linux': 'linux', '--win': 'win', '--mac': 'mac' };

const platforms = process.argv.slice(2).map((argument) => {
  const platform = PLATFORMS[argument];
  if (!platform) {
    console.error(`dist: unknown option ${argument}; use --linux, --win or --mac`);
    process.exit(2);
  }
  return platform;
});
if (platforms.length === 0) {
  console.error('dist: name a platform: --linux, --win or --mac');
  process.exit(2);
}

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

const runtime = await ensureElectronRuntime();
if (runtime.status === 'failed') {
  console.error(runtimeMissingMessage(localeFromEnvironment(), 'dist', runtime.reason));
  process.exit(1);
}

let status = run('npx', ['electron-vite', 'build']);
if (status === 0) {
  try {
    status = run('npx', ['electron-builder', '--config', 'electron-builder.yml', ...platforms.map((platform) => `--${platform}`)]);
  } finally {
    const restored = run('npm', ['rebuild', 'better-sqlite3']);
    if (restored !== 0) console.error('dist: better-sqlite3 could not be rebuilt for Node; run `npm rebuild better-sqlite3` before npm test.');
  }
}
if (status === 0) console.log('dist: the installers are in release/');
process.exit(status);
