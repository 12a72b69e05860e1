/**
 * The add-in's own values saved in the workbook, so every clerk who opens the workbook scores it
 * the same way. Values are JSON text; what a value means is checked by its reader (zod), never
 * trusted.
 *
 * Where they live: Excel's workbook settings (ExcelApi 1.4), read and written inside a batch; on
 * an Excel without 1.4 (volume-licensed Excel 2016) the Common API's document settings
 * (Office.context.document.settings, `env.documentSettings`), the same saved values, read at once
 * and written with saveAsync.
 */
import { defaultEnv, supports, type AdapterEnv } from './requirements';
import type { DocumentSettings, ExcelContext } from './types';

/** A value that is one string (null when absent), from whatever the store holds. */
function text(value: unknown): string | null {
  return typeof value === 'string'
    ? value
    : value === null || value === undefined
      ? null
      : JSON.stringify(value);
}

/** No place to keep values: an Excel before 1.4 whose document settings are not reachable. */
function noStore(): Error {
  return new Error(
    '此版本的 Excel 无法在工作簿中保存加载项的设置 (this Excel cannot save the add-in’s values in the workbook)',
  );
}

/**
 * One saved value, for a batch: created before a sync (which answers its read), then `value()`
 * reads it and `write()` queues its change (null deletes it) for the batch's next sync; `flush()`,
 * after that sync, saves the document settings where they are used instead (before 1.4).
 */
export interface SettingSlot {
  value(): string | null;
  write(value: string | null): void;
  flush(): Promise<void>;
}

export function settingSlot(context: ExcelContext, key: string, env: AdapterEnv): SettingSlot {
  if (!supports(env, 'workbookSettings')) {
    const doc = env.documentSettings ?? null;
    let dirty = false;
    return {
      value: () => (doc ? text(doc.get(key)) : null),
      write: (value) => {
        if (!doc) throw noStore();
        if (value === null) doc.remove(key);
        else doc.set(key, value);
        dirty = true;
      },
      flush: () => (doc && dirty ? saveDocumentSettings(doc) : Promise.resolve()),
    };
  }
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load('value');
  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load --
     read only after the caller's sync, as SettingSlot says; the rule cannot see across calls. */
  return {
    value: () => (item.isNullObject ? null : text(item.value)),
    write: (value) => {
      if (value !== null) context.workbook.settings.add(key, value);
      else if (!item.isNullObject) item.delete();
    },
    flush: () => Promise.resolve(),
  };
  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
}

function saveDocumentSettings(doc: DocumentSettings): Promise<void> {
  return new Promise((resolve, reject) =>
    doc.saveAsync((r) =>
      r.status === 'failed'
        ? reject(new Error(`保存设置失败 (saving settings failed): ${r.error?.message ?? ''}`))
        : resolve(),
    ),
  );
}

/** Reads one saved value (one sync; none before ExcelApi 1.4); null when the workbook has none. */
export async function loadWorkbookSetting(
  context: ExcelContext,
  key: string,
  env: AdapterEnv = defaultEnv(),
): Promise<string | null> {
  const slot = settingSlot(context, key, env);
  if (supports(env, 'workbookSettings')) await context.sync();
  return slot.value();
}

/** Saves one value (one sync; deleting looks first, a second sync deletes); null deletes it. */
export async function saveWorkbookSetting(
  context: ExcelContext,
  key: string,
  value: string | null,
  env: AdapterEnv = defaultEnv(),
): Promise<void> {
  const slot = settingSlot(context, key, env);
  const batch = supports(env, 'workbookSettings');
  if (value === null && batch) {
    await context.sync();
    if (slot.value() === null) return;
  }
  slot.write(value);
  if (batch) await context.sync();
  await slot.flush();
}
