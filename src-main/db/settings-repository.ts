/** Application settings as key/value text (e.g. the chosen language). */
import type { SqliteDatabase } from './connection';

export interface SettingsRepository {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export function createSettingsRepository(db: SqliteDatabase): SettingsRepository {
  const select = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const write = db.transaction((key: string, value: string) => {
    upsert.run(key, value);
  }).immediate;
  return {
    get(key) {
      const value = select.get(key) as string | undefined;
      return value ?? null;
    },
    set: write,
  };
}
