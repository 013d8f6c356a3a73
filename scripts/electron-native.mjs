#!/usr/bin/env node
// Builds better-sqlite3 for the installed Electron into .electron-native/, so
// `npm run dev` can load it (src-main/index.ts, developmentSqliteBinding)
// while node_modules keeps the Node build that the unit tests and the CLI use.
// Rebuilding node_modules in place would break `npm test`; electron-builder
// rebuilds its own copy at packaging time.
//
// It needs the internet (prebuilt binaries or Electron's headers), as does
// Electron's first launch. Without it, it says so and `npm run dev` goes on:
// the app then explains that its database cannot be opened.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const outDir = join(root, '.electron-native');
const target = join(outDir, `better_sqlite3-electron-${electronVersion}.node`);

if (existsSync(target)) process.exit(0);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = join(outDir, 'build-better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
  if (existsSync(join(source, entry))) cpSync(join(source, entry), join(work, entry), { recursive: true });
}

// A machine may point npm at its Node's headers (nodedir); here we need Electron's.
// An empty value in the environment outranks the user's .npmrc.
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir')), npm_config_nodedir: '' };
const run = (command, args) => execFileSync(command, args, { cwd: work, stdio: 'inherit', env });
const built = join(work, 'build', 'Release', 'better_sqlite3.node');
try {
  console.log(`Fetching better-sqlite3 for Electron ${electronVersion}…`);
  run(process.execPath, [
    require.resolve('prebuild-install/bin.js'),
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    `--platform=${process.platform}`,
  ]);
} catch {
  console.log(`No prebuilt binary; compiling better-sqlite3 against Electron ${electronVersion}'s headers…`);
  try {
    run('npm', [
      'exec',
      '--yes',
      '--',
      'node-gyp',
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  } catch {
    console.warn('Could not build better-sqlite3 for Electron (no internet?). `npm run dev` will start, but cannot open the database.');
    process.exit(0);
  }
}
cpSync(built, target);
rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${electronVersion}: ${target}`);
