/**
 * The score tab's writes (写入评分, 写入全部, 新建完成情况列, 撤销上次写入, 转换为通用公式), each one task
 * of the pane. Their state lives here, in the pane and not in the tab, so that a write waiting for
 * the clerk's yes and the list of formulas left unconverted stay while another tab is open.
 */
import { useState } from 'react';
import type { NativeScope, NativeUnconverted } from '../../addin/excel';
import type { WriteMode } from '../../engine/write-plan';
import { t, type Lang } from '../i18n';
import { writeAllTables } from '../progress';
import type { PaneSettings } from '../settings';
import type { Notice, PendingWrite, Workbench, WriteOutcome } from '../workbench';

/** Runs one action with the progress bar on and the buttons off (App's `task`). */
export type RunTask = <T>(label: string, work: () => Promise<T>) => Promise<T | undefined>;

/** A write waiting for the clerk's yes, with the sheet it writes to. */
export type PendingOnSheet = PendingWrite & { sheet: string };

interface WriteDeps {
  lang: Lang;
  task: RunTask;
  setNotice: (notice: Notice) => void;
  /** Reads the sheet just written to again, whichever sheet is active now. */
  reread: (sheet: string) => Promise<void>;
  /** What a long write says while it runs, and how far it is (0..1). */
  onProgress: (text: string, fraction: number) => void;
}

export function useWriteActions({ lang, task, setNotice, reread, onProgress }: WriteDeps) {
  const [pending, setPending] = useState<PendingOnSheet | null>(null);
  /** The formulas the last 转换为通用公式 left, with the reason. */
  const [unconverted, setUnconverted] = useState<readonly NativeUnconverted[]>([]);

  const afterWrite = async (sheet: string, result: WriteOutcome) => {
    if ('pending' in result) {
      setPending({ ...result.pending, sheet });
      return;
    }
    setNotice(result.notice);
    if (result.notice.intent === 'success') await reread(sheet);
  };

  /** Runs a write and shows its outcome; the sheet written to is read again. */
  const write = (sheet: string, work: () => Promise<WriteOutcome>) =>
    void task(t(lang, 'writing'), async () => afterWrite(sheet, await work()));

  /** 写入全部 N 张表: one table after the other, the bar moving by table and row. */
  const writeAll = (
    bench: Workbench,
    sheet: string,
    tables: number,
    mode: WriteMode,
    settings: PaneSettings,
  ) =>
    void task(t(lang, 'writing'), async () => {
      const r = await writeAllTables(bench, sheet, tables, mode, settings, onProgress);
      await reread(sheet);
      // A cell of the clerk's in the way: asked as for one table; the rest waits.
      if ('pending' in r) setPending({ ...r.pending, sheet });
      else setNotice(r.notice);
    });

  const convertNative = (bench: Workbench, sheet: string, scope: NativeScope) =>
    void task(t(lang, 'busy'), async () => {
      const r = await bench.convertNative(scope);
      setUnconverted(r.unconverted);
      await reread(sheet);
      setNotice(r.notice);
    });

  /** The clerk said yes: the waiting write goes over the cells that were in the way. */
  const overwrite = () => {
    const p = pending;
    setPending(null);
    if (p) void task(t(lang, 'writing'), async () => afterWrite(p.sheet, await p.confirm()));
  };

  return {
    pending,
    cancelPending: () => setPending(null),
    overwrite,
    unconverted,
    write,
    writeAll,
    convertNative,
  };
}
