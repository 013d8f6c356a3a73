#!/usr/bin/env node
// Renders resources/icon.svg into the icons electron-builder packages
// (electron-builder.yml names them):
//   resources/icon.png        1024x1024, the master bitmap
//   resources/icons/NxN.png   the Linux icon set (deb and AppImage install one per size)
//   resources/icon.ico        Windows, 16-256 px (256 stored as PNG, the rest as bitmaps,
//                             which every Windows version reads)
//   resources/icon.icns       macOS, 16-1024 px, every size as PNG
// The outputs are committed, so packaging never needs the tools. Run
// `npm run icons` after editing the SVG; it needs Debian's librsvg2-bin and icoutils
// (apt-get install -y librsvg2-bin icoutils). test/packaging.test.ts checks what it wrote.
//
// The .icns is assembled here rather than by png2icns (icnsutils), which stores the
// large sizes as JPEG 2000; Apple's own iconutil stores PNG, and so does this.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const resources = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const source = join(resources, 'icon.svg');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_BITMAP_SIZES = [16, 24, 32, 48, 64, 128];

/**
 * The icns types that carry PNG (macOS 10.7+) for the ten images of an
 * .iconset folder — 16, 32, 128, 256, 512 px, each also @2x — and the pixel
 * size each holds; an @2x image shares its pixels with the next size up.
 */
const ICNS_TYPES = [
  ['icp4', 16],
  ['ic11', 32],
  ['icp5', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

function run(command, args) {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    if (error && error.code === 'ENOENT') {
      console.error(`icons: ${command} is missing; install it with: apt-get install -y librsvg2-bin icoutils`);
      process.exit(2);
    }
    throw error;
  }
}

function render(size, file) {
  run('rsvg-convert', ['--width', String(size), '--height', String(size), '--keep-aspect-ratio', source, '--output', file]);
}

function icns(pngBySize) {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    if (!png) throw new Error(`no ${size}px rendering for icns type ${type}`);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([header, body]);
}

const iconsDir = join(resources, 'icons');
rmSync(iconsDir, { recursive: true, force: true });
mkdirSync(iconsDir);

const master = join(resources, 'icon.png');
render(1024, master);
const pngBySize = new Map([[1024, readFileSync(master)]]);
for (const size of LINUX_SIZES) {
  const file = join(iconsDir, `${size}x${size}.png`);
  render(size, file);
  pngBySize.set(size, readFileSync(file));
}

run('icotool', [
  '--create',
  '--output',
  join(resources, 'icon.ico'),
  ...ICO_BITMAP_SIZES.map((size) => join(iconsDir, `${size}x${size}.png`)),
  `--raw=${join(iconsDir, '256x256.png')}`,
]);

writeFileSync(join(resources, 'icon.icns'), icns(pngBySize));
console.log(`icons written to ${resources}`);
