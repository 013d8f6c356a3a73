/**
 * Presets: complete example drafts shipped in templates/presets, listed in
 * index.json with a title and description in each language. They are read
 * once and kept, since they only change with a new release of the app.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { PresetSummary } from '../../src-shared/api';
import { readDraftFile } from '../../src-shared/model/file';
import { pathToString } from '../../src-shared/model/problems';
import type { SlaDraft } from '../../src-shared/model/schema';

const localizedText = z.strictObject({ en: z.string().min(1), 'zh-CN': z.string().min(1) });

const presetIndexSchema = z.array(
  z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    file: z.string().regex(/^[A-Za-z0-9._-]+\.sla\.json$/),
    title: localizedText,
    description: localizedText,
  }),
);

export interface Preset extends PresetSummary {
  draft: SlaDraft;
}

export interface PresetsService {
  list(): PresetSummary[];
  /** The preset's draft (a fresh copy the caller may change), or null when there is no such preset. */
  find(id: string): Preset | null;
}

/** A broken preset is a defect of the release, not of the user's data: it fails loudly. */
function loadPresets(presetsDir: string): Preset[] {
  const indexPath = join(presetsDir, 'index.json');
  const index = presetIndexSchema.safeParse(JSON.parse(readFileSync(indexPath, 'utf8')));
  if (!index.success) throw new Error(`${indexPath} is malformed: ${z.prettifyError(index.error)}`);
  return index.data.map((entry) => {
    const filePath = join(presetsDir, basename(entry.file));
    const result = readDraftFile(readFileSync(filePath, 'utf8'));
    if (!result.ok) {
      const details = result.problems.map((p) => `${pathToString(p.path)}: ${p.key}`).join('; ');
      throw new Error(`Preset ${filePath} is invalid: ${details}`);
    }
    return { id: entry.id, title: entry.title, description: entry.description, draft: result.draft };
  });
}

export function createPresetsService(templatesDir: string): PresetsService {
  let presets: Preset[] | null = null;
  const all = (): Preset[] => (presets ??= loadPresets(join(templatesDir, 'presets')));
  return {
    list: () => all().map(({ id, title, description }) => ({ id, title: { ...title }, description: { ...description } })),
    find(id) {
      const preset = all().find((candidate) => candidate.id === id);
      return preset ? { ...preset, draft: structuredClone(preset.draft) } : null;
    },
  };
}
