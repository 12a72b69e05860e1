/**
 * The web page (`web.html`): the task pane beside a workbook opened in the browser, for the
 * computers where the add-in cannot run — WPS 表格, Excel 2016/2019, volume-licensed Office. Open a
 * workbook from disk (nothing leaves the browser), recognise, check, score, write the scores (values
 * or 通用公式, native formulas; not PERF formulas, which need the add-in), then download a copy in
 * which only the cells the pane wrote have changed, formulas with their results cached. Works from an intranet web
 * server or from a folder of files.
 *
 *   web.html?example=NAME.xlsx&lang=en   opens a bundled example (tests, demonstrations)
 *
 * On a narrow window the pane takes the full width above the sheet.
 */
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { App } from '../components/App';
import type { PaneHost } from '../host';
import { InputError } from '../../xlsx/errors';
import { WriteRefused } from '../../xlsx/write';
import { MEMORY_ENV, type MemoryExcel } from '../../addin/excel/memory-excel';
import { SheetPreview } from '../preview/SheetPreview';
import { keepFormulaResults } from './results';
import type { WebWorkbook } from './workbook';

const NARROW = '@media (max-width: 760px)';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    height: '100vh',
    overflow: 'hidden',
    [NARROW]: { flexDirection: 'column', height: 'auto', overflow: 'visible' },
  },
  pane: {
    width: '400px',
    flexShrink: 0,
    overflowY: 'auto',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    [NARROW]: { width: '100%', borderRight: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  },
  sheet: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    padding: tokens.spacingHorizontalS,
    gap: tokens.spacingVerticalS,
    overflow: 'hidden',
    [NARROW]: { overflow: 'visible' },
  },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  file: { minHeight: '32px' },
});

const params = new URLSearchParams(window.location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'zh';
const zh = lang === 'zh';

const W = {
  about: zh
    ? '网页版：供 WPS 表格、Excel 2016/2019 等不能使用加载项的电脑使用。打开工作簿（.xlsx/.xlsm，也可读取 .xls、.et、.ods），识别、校验、评分并写入评分（数值，或随完成情况自动计分的通用公式），然后下载带得分的副本：副本只改动写入的单元格。文件只在本机浏览器中处理，不会上传到任何地方。'
    : 'Web page: for computers where the add-in cannot run (WPS, Excel 2016/2019). Open a workbook (.xlsx/.xlsm; .xls, .et and .ods are read too), recognise, check, score and write the scores (values, or native formulas that follow the actuals), then download a scored copy: only the cells written change. The file is handled in this browser only and is never uploaded.',
  region: zh ? '工作簿' : 'Workbook',
  open: zh ? '打开工作簿' : 'Open a workbook',
  download: zh ? '下载评分后的副本' : 'Download the scored copy',
  nothingYet: zh
    ? '还没有写入内容：在“评分”页点击“写入评分”后即可下载副本。'
    : 'Nothing written yet: write the scores in the Score tab, then download the copy.',
  changes: (n: number) =>
    zh
      ? `副本将改动 ${n} 个单元格，其余内容与原文件相同。`
      : `The copy changes ${n} cell(s); all else stays as in the file.`,
  legacy: zh
    ? '.xls、.et 和 .ods 文件可以校验和评分，但不能下载副本：请在 WPS 或 Excel 中另存为 .xlsx 后再打开。'
    : '.xls, .et and .ods files can be checked and scored but not downloaded: save as .xlsx and open that.',
  reportOnly: (names: string) =>
    zh
      ? `工作表“${names}”只显示在此页面中，不会包含在下载的副本里。`
      : `Sheet(s) ${names} stay on this page; the copy does not include them.`,
  none: zh ? '请打开一个工作簿。' : 'Open a workbook to start.',
  downloaded: (name: string) => (zh ? `已下载“${name}”。` : `Downloaded “${name}”.`),
};

function errorText(err: unknown): string {
  if (err instanceof InputError || err instanceof WriteRefused) return zh ? err.messageZh : err.messageEn;
  return err instanceof Error ? err.message : String(err);
}

/** The reader and writer load on first use: the page draws before they have. */
const workbooks = () => import(/* webpackChunkName: "web-workbook" */ './workbook');

interface Opened {
  name: string;
  workbook: Promise<WebWorkbook>;
}

function WebPage() {
  const styles = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [wb, setWb] = useState<WebWorkbook | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const [status, setStatus] = useState<{ edits: number; added: string[] }>({ edits: 0, added: [] });

  const open = (name: string, bytes: () => Promise<Uint8Array>) => {
    const workbook = (async () => {
      const [m, data] = await Promise.all([workbooks(), bytes()]);
      return m.openWebWorkbook(name, data);
    })();
    setOpened({ name, workbook });
    setWb(null);
    setDone(null);
    workbook.then(
      (x) => {
        setWb(x);
        setError(null);
      },
      (err: unknown) => setError(`${name}：${errorText(err)}`),
    );
  };

  useEffect(() => {
    const example = params.get('example');
    if (example)
      open(example, async () => {
        const res = await fetch(`examples/${encodeURIComponent(example)}`);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      });
  }, []);

  // After each write the download's summary follows what the pane changed.
  useEffect(() => {
    if (!wb) return;
    const update = () =>
      void workbooks().then((m) => {
        setStatus({ edits: wb.pkg ? m.changedCells(wb).length : 0, added: m.addedSheets(wb) });
        setTick((n) => n + 1);
      });
    update();
    return wb.excel.onSync(update);
  }, [wb]);

  const host = useMemo<PaneHost | null>(() => {
    if (!opened) return null;
    /** The workbook the pane works on, once open (a write happens only then). */
    let excel: MemoryExcel | null = null;
    return {
      kind: 'web',
      env: MEMORY_ENV,
      displayLanguage: zh ? 'zh-CN' : 'en-US',
      theme: 'light',
      // No PERF formulas: they need the add-in, and show #NAME? in WPS or Excel 2016/2019.
      writeModes: ['values', 'native'],
      run: async (work) => {
        excel = (await opened.workbook).excel;
        return work(excel.context);
      },
      formulaResults: (sheet, blocks) => {
        if (excel) keepFormulaResults(excel, sheet, blocks);
      },
    };
  }, [opened]);

  const download = async () => {
    if (!wb) return;
    try {
      const m = await workbooks();
      const bytes = m.scoredCopy(wb);
      const name = m.downloadName(wb.name);
      const blob = new Blob([new Uint8Array(bytes)], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDone(W.downloaded(name));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <div className={styles.page}>
      <div className={styles.pane} data-testid="pane">
        {host && <App key={opened?.name} host={host} lang={lang} />}
      </div>
      <FluentProvider
        theme={webLightTheme}
        className={styles.sheet}
        lang={zh ? 'zh-CN' : 'en'}
        role="region"
        aria-label={W.region}
      >
        <Text block data-testid="about">
          {W.about}
        </Text>
        <div className={styles.bar}>
          <label>
            <Text>{W.open}：</Text>
            <input
              className={styles.file}
              type="file"
              data-testid="open-file"
              accept=".xlsx,.xlsm,.xltx,.xltm,.xls,.et,.ods"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) open(file.name, async () => new Uint8Array(await file.arrayBuffer()));
              }}
            />
          </label>
          <Button
            appearance="primary"
            data-testid="download"
            disabled={!wb || !wb.pkg || status.edits === 0}
            onClick={() => void download()}
          >
            {W.download}
          </Button>
        </div>
        <div aria-live="polite">
          <Caption1 block data-testid="download-status">
            {!opened
              ? W.none
              : !wb
                ? ''
                : !wb.pkg
                  ? W.legacy
                  : status.edits === 0
                    ? W.nothingYet
                    : W.changes(status.edits)}
            {wb && status.added.length > 0 ? ` ${W.reportOnly(status.added.join('”“'))}` : ''}
          </Caption1>
          {done && (
            <MessageBar intent="success" layout="multiline" data-testid="downloaded">
              <MessageBarBody>{done}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {error && (
          <MessageBar intent="error" layout="multiline" data-testid="open-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {wb && (
          <div className={styles.bar} role="group" aria-label={zh ? '工作表' : 'Sheets'}>
            {wb.excel.sheets.map((s) => (
              <Button
                key={s.id}
                appearance={s === wb.excel.activeSheet ? 'primary' : 'secondary'}
                aria-pressed={s === wb.excel.activeSheet}
                data-testid="sheet-tab"
                onClick={() => wb.excel.activate(s.name)}
              >
                {s.name}
              </Button>
            ))}
          </div>
        )}
        {wb && <SheetPreview excel={wb.excel} />}
      </FluentProvider>
    </div>
  );
}

const root = document.getElementById('app');
if (root) createRoot(root).render(<WebPage />);
