#!/usr/bin/env node
// Runs Electronegativity (@doyensec/electronegativity) over the app's own
// code and fails on any HIGH finding; MEDIUM and LOW findings are printed
// for review and each is explained in docs/SECURITY.md. Part of `npm test`.
//
// What is scanned: src-main, src-shared and src-renderer (the code that ships,
// as written; tests, fixtures and test helpers left out) and package.json, copied
// into a temporary folder because the tool walks a whole folder. out/ is not
// scanned: it is a build product that `npm test` does not make, and its
// renderer bundle is mostly third-party code.
//
// Why not the tool's CSV or SARIF file: its CSV writer writes the header and
// the rows with two unsynchronised writes (the header can land on top of the
// rows), its SARIF has no severity, and with an output file it keeps parse
// errors to itself. Its JavaScript API (the package's main, which the command
// line calls) returns the same findings with their severity, and the files it
// could not parse.
//
// No network: the check that asks GitHub for Electron's releases
// (AvailableSecurityFixesGlobalCheck) is excluded, and the HTTP client the tool
// would use to fetch translations at start is replaced by one that fails at
// once, so the run neither waits nor reaches out.
//
// A canary file with a known HIGH misconfiguration is scanned with the code:
// if the tool stops finding it, the run fails rather than passing on nothing.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@doyensec/electronegativity';
const VERSION = '1.10.3';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const SCANNED_FOLDERS = ['src-main', 'src-shared', 'src-renderer'];
const SOURCE_FILE = /\.(ts|tsx|js|jsx|html)$/;
/** Tests and what only tests import: not shipped, and full of deliberately hostile input. */
const NOT_SHIPPED = /(\.(test|spec|fuzz)\.[jt]sx?$)|(^|[\\/])(testing|fixtures|__tests__)([\\/]|$)|fixtures\.ts$/;
const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const CANARY_FILE = join('__canary__', 'canary-window.js');
const CANARY_SOURCE = `// Electronegativity must flag this file; it is not part of SLA Studio.
const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
`;
// The tool rates an explicit nodeIntegration: true only as informational on a modern Electron; contextIsolation: false is HIGH.
const CANARY_CHECKS = ['CONTEXT_ISOLATION_JS_CHECK'];

/** The installed package's folder, or the one npx keeps in its cache (downloaded once). */
function packageFolder() {
  try {
    return dirname(require.resolve(`${PACKAGE}/package.json`));
  } catch {
    console.log(`${PACKAGE} is not in node_modules; using npx's copy. Add it with:\n  npm install --save-dev --save-exact ${PACKAGE}@${VERSION}`);
    const bin = execFileSync('npm', ['exec', '--yes', `--package=${PACKAGE}@${VERSION}`, '-c', 'command -v electronegativity'], { encoding: 'utf8' }).trim();
    // The bin links to <package>/dist/index.js.
    return resolve(dirname(realpathSync(bin)), '..');
  }
}

function stageSources(stage) {
  const copy = (from) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const path = join(from, entry.name);
      const inRepo = relative(root, path);
      if (NOT_SHIPPED.test(inRepo)) continue;
      if (entry.isDirectory()) copy(path);
      else if (SOURCE_FILE.test(entry.name)) {
        mkdirSync(dirname(join(stage, inRepo)), { recursive: true });
        cpSync(path, join(stage, inRepo));
      }
    }
  };
  for (const folder of SCANNED_FOLDERS) copy(join(root, folder));
  cpSync(join(root, 'package.json'), join(stage, 'package.json'));
  mkdirSync(join(stage, dirname(CANARY_FILE)), { recursive: true });
  writeFileSync(join(stage, CANARY_FILE), CANARY_SOURCE);
}

/** Replaces the tool's HTTP client (got) with one that fails at once: nothing in the run may use the network. */
function cutNetwork(packageDir) {
  const packageRequire = createRequire(join(packageDir, 'package.json'));
  const gotPath = packageRequire.resolve('got');
  const offline = () => Promise.reject(new Error('network disabled during npm test'));
  offline.default = offline;
  offline.__esModule = true;
  packageRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
  return packageRequire;
}

async function scan(packageDir, stage) {
  const packageRequire = cutNetwork(packageDir);
  const main = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).main;
  const run = packageRequire(join(packageDir, main));
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  // The tool names its locale after LANG ("C.UTF-8" here) and says so when it cannot fetch it: keep its messages English and quiet.
  process.env.LANG = 'en-US';
  const log = console.log;
  console.log = (...args) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
  };
  try {
    return await run({
      input: stage,
      isRelative: true,
      customScan: [],
      excludeFromScan: NETWORK_CHECKS.map((check) => check.toLowerCase()),
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
  } finally {
    console.log = log;
  }
}

function location(issue) {
  const file = issue.file.split(sep).join('/');
  return issue.location ? `${file}:${issue.location.line}:${issue.location.column}` : file;
}

async function main() {
  const packageDir = packageFolder();
  const stage = mkdtempSync(join(tmpdir(), 'sla-electronegativity-'));
  try {
    stageSources(stage);
    const started = Date.now();
    const { issues, errors, atomicChecks, globalChecks } = await scan(packageDir, stage);
    const canary = issues.filter((issue) => issue.file.split(sep).join('/') === CANARY_FILE.split(sep).join('/'));
    const findings = issues.filter((issue) => !canary.includes(issue));
    console.log(
      `Electronegativity ${VERSION}: ${atomicChecks} atomic and ${globalChecks} global checks over ${SCANNED_FOLDERS.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s (excluded, as they need the network: ${NETWORK_CHECKS.join(', ')}).`,
    );

    let failed = false;
    const unparsed = errors.filter((error) => !error.tolerable);
    for (const error of errors) {
      console.log(`${error.tolerable ? 'warning' : 'ERROR'}: could not fully parse ${relative(stage, error.file)}: ${error.message}`);
    }
    if (unparsed.length > 0) {
      console.log(`${unparsed.length} file(s) could not be parsed, so they were not checked.`);
      failed = true;
    }
    const missed = CANARY_CHECKS.filter((check) => !canary.some((issue) => issue.id === check && issue.severity.name === 'HIGH'));
    if (missed.length > 0) {
      console.log(`ERROR: the canary's HIGH findings ${missed.join(', ')} were not reported: the scan is not checking anything.`);
      failed = true;
    }

    const order = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
    findings.sort((a, b) => order.indexOf(a.severity.name) - order.indexOf(b.severity.name) || location(a).localeCompare(location(b)));
    for (const issue of findings) {
      const review = issue.manualReview ? ', review' : '';
      const sample = (issue.sample ?? '').replace(/\s+/g, ' ').slice(0, 100);
      console.log(
        `${issue.severity.name.padEnd(13)} ${location(issue)}  ${issue.id} (${issue.confidence.name.toLowerCase()}${review})${sample ? `\n${' '.repeat(14)}${sample}` : ''}`,
      );
    }
    const high = findings.filter((issue) => issue.severity.name === 'HIGH');
    if (high.length > 0) {
      console.log(`${high.length} HIGH finding(s) in SLA Studio's code: fix them (docs/SECURITY.md lists the checklist).`);
      failed = true;
    } else {
      console.log(`No HIGH findings. ${findings.length} other finding(s) above, each explained in docs/SECURITY.md ("Electronegativity").`);
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('Electronegativity could not run:', error);
  process.exitCode = 1;
});
