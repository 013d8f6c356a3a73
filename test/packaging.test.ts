/**
 * The installers cannot be built here (electron-builder downloads the Electron
 * runtime), so this checks what a user of an installer depends on in the
 * packaging configuration: the targets of each platform, valid icons, the
 * fuses docs/SECURITY.md promises, the built app and the clause library inside
 * the package, and a native SQLite binding Electron can load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path));
const config = parse(read('electron-builder.yml').toString('utf8')) as Record<string, unknown> & {
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  nsis: Record<string, unknown>;
  directories: { buildResources: string; output: string };
};
const packageJson = JSON.parse(read('package.json').toString('utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  productName: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('installers (electron-builder.yml)', () => {
  it('builds AppImage and deb for Linux, NSIS for Windows and dmg for macOS under one app id and name', () => {
    expect(config.appId).toBe('com.slastudio.app');
    expect(config.productName).toBe(packageJson.productName);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    // Uninstalling must never take the user's contracts with it.
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.publish).toBeNull();
  });

  it('has scripts that build each platform and put better-sqlite3 back for Node afterwards', () => {
    expect(packageJson.devDependencies['electron-builder']).toMatch(/^\^?26\./);
    for (const platform of ['linux', 'win', 'mac']) expect(packageJson.scripts[`dist:${platform}`]).toBe(`node scripts/dist.mjs --${platform}`);
    const dist = read('scripts/dist.mjs').toString('utf8');
    expect(dist).toMatch(/'electron-vite', 'build'/);
    expect(dist).toMatch(/finally \{\s*const restored = run\('npm', \['rebuild', 'better-sqlite3'\]\)/);
    expect(config.npmRebuild).toBe(true);
  });

  it('packages the built app and ships the clause library beside it, where the main process looks', () => {
    expect(packageJson.main).toBe('out/main/index.js');
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('package.json');
    expect(config.files).toContain('!**/*.{ts,mts,cts,tsx}');
    expect(config.extraResources).toContainEqual({ from: 'templates', to: 'templates' });
    expect(read('src-main/index.ts').toString('utf8')).toContain("app.isPackaged ? join(process.resourcesPath, 'templates')");
    // A .node addon cannot be loaded from inside app.asar.
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('flips the fuses docs/SECURITY.md lists (item 19)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const security = read('docs/SECURITY.md').toString('utf8');
    for (const fuse of ['runAsNode: false', 'enableNodeOptionsEnvironmentVariable: false', 'onlyLoadAppFromAsar: true']) expect(security).toContain(fuse);
  });
});

/** The packages a package depends on, as package-lock.json records them. */
const lockedPackages = (JSON.parse(read('package-lock.json').toString('utf8')) as { packages: Record<string, { dependencies?: Record<string, string> }> })
  .packages;
function closure(roots: readonly string[], skip: ReadonlySet<string> = new Set()): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (seen.has(name) || skip.has(name)) continue;
    seen.add(name);
    pending.push(...Object.keys(lockedPackages[`node_modules/${name}`]?.dependencies ?? {}));
  }
  return seen;
}

/** The bare module names the main process's sources import (the renderer's are bundled by Vite). */
function importedByMainProcess(): Set<string> {
  const names = new Set<string>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$|testing|for-tests|test-/.test(relative(root, path))) {
        const source = readFileSync(path, 'utf8');
        for (const match of source.matchAll(/^import (?!type )[^;]*? from '([^'./][^']*)'|import\('([^'./][^']*)'\)/gm)) {
          const specifier = match[1] ?? match[2] ?? '';
          if (specifier.startsWith('node:') || specifier === 'electron') continue;
          names.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
        }
      }
    }
  };
  visit(join(root, 'src-main'));
  visit(join(root, 'src-shared'));
  return names;
}

describe('what the installers carry (package.json, electron-builder.yml)', () => {
  it("declares as production dependencies exactly what the main process loads, so the renderer's libraries do not ship twice", () => {
    expect(Object.keys(packageJson.dependencies).sort()).toEqual([...importedByMainProcess()].sort());
    for (const bundled of ['react', 'react-dom', 'antd', '@ant-design/icons', 'dayjs', 'react-i18next'])
      expect(packageJson.devDependencies).toHaveProperty([bundled]);
  });

  it('keeps prebuild-install and what only it pulls in (tar-fs…) out of the package', () => {
    const production = Object.keys(packageJson.dependencies);
    const onlyThroughPrebuild = [...closure(production)].filter((name) => !closure(production, new Set(['prebuild-install'])).has(name));
    expect(onlyThroughPrebuild).toContain('tar-fs');
    const excluded = config.files
      .map((pattern) => /^!\*\*\/node_modules\/\{([^}]+)\}\/\*\*$/.exec(pattern)?.[1]?.split(','))
      .filter((names): names is string[] => names !== undefined)
      .flat();
    expect(onlyThroughPrebuild.filter((name) => !excluded.includes(name))).toEqual([]);
    // Nothing the app loads is excluded.
    const needed = closure(production, new Set(['prebuild-install']));
    expect(excluded.filter((name) => needed.has(name) && !['@types', 'undici-types'].includes(name))).toEqual([]);
  });
});

describe('icons (resources/)', () => {
  it('has a 1024 px master and the Linux set at the size each file names', () => {
    expect(config.directories.buildResources).toBe('resources');
    expect(pngSize(read('resources/icon.png'))).toEqual([1024, 1024]);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) expect(pngSize(read(`${config.linux.icon}/${size}x${size}.png`))).toEqual([size, size]);
  });

  it('has a Windows .ico with every size from 16 to 256 px', () => {
    const ico = read(config.win.icon);
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, index) => ico.readUInt8(6 + index * 16) || 256);
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has a macOS .icns whose images are PNGs up to 1024 px', () => {
    const icns = read(config.mac.icon);
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const images = new Map<string, [number, number]>();
    for (let offset = 8; offset < icns.length;) {
      const type = icns.subarray(offset, offset + 4).toString('ascii');
      const length = icns.readUInt32BE(offset + 4);
      expect(length).toBeGreaterThan(8);
      images.set(type, pngSize(icns.subarray(offset + 8, offset + length)));
      offset += length;
    }
    expect(images.get('ic10')).toEqual([1024, 1024]);
    expect(images.get('ic07')).toEqual([128, 128]);
    expect(images.get('icp4')).toEqual([16, 16]);
    expect(images.size).toBe(10);
  });
});
