/**
 * The preview page (`preview.html`): the task pane beside a read-only view of a workbook opened in
 * the browser, for machines without Excel (`npm start` on Linux) and for the browser tests.
 *
 *   preview.html?example=zaozhuang-2022-tasks-mistakes.xlsx&lang=en&theme=dark&sheet=NAME&width=320
 *
 * `width` is the pane's width in CSS pixels (default 400), as a clerk may drag Excel's pane to.
 */
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { App } from '../components/App';
import type { PaneHost, ThemeName } from '../host';
import { InputError, ReaderDefect } from '../../xlsx/errors';
import { MEMORY_ENV, type MemoryExcel } from '../../addin/excel/memory-excel';
import { SheetPreview } from './SheetPreview';

declare const __EXAMPLES__: string[];
const EXAMPLES: string[] = typeof __EXAMPLES__ !== 'undefined' ? __EXAMPLES__ : [];
const DEFAULT_EXAMPLE = 'zaozhuang-2022-tasks-mistakes.xlsx';

const useStyles = makeStyles({
  page: { display: 'flex', height: '100vh', overflow: 'hidden' },
  pane: {
    width: '400px',
    flexShrink: 0,
    overflowY: 'auto',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  sheet: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    padding: tokens.spacingHorizontalS,
  },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    marginBottom: tokens.spacingVerticalS,
  },
});

const params = new URLSearchParams(window.location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'zh';
const paneWidth = Math.max(200, Math.min(1000, Number(params.get('width')) || 400));
const theme: ThemeName =
  (['light', 'dark', 'contrast'] as const).find((x) => x === params.get('theme')) ?? 'light';

function errorText(err: unknown): string {
  if (err instanceof InputError || err instanceof ReaderDefect)
    return lang === 'en' ? err.messageEn : err.messageZh;
  return err instanceof Error ? err.message : String(err);
}

/** Opens the .xlsx reader (xlsx/) on first use: the pane draws before it has even loaded. */
const opener = () => import(/* webpackChunkName: "xlsx" */ './open');

interface Opened {
  name: string;
  /** The workbook, once read; the pane's host waits for it. */
  workbook: Promise<MemoryExcel>;
}

function Preview() {
  const styles = useStyles();
  const [example, setExample] = useState(params.get('example') ?? DEFAULT_EXAMPLE);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [excel, setExcel] = useState<MemoryExcel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setTick] = useState(0);

  const open = (name: string, bytes: () => Promise<Uint8Array>) => {
    const workbook = (async () => {
      const [{ openWorkbook }, data] = await Promise.all([opener(), bytes()]);
      const x = await openWorkbook(data);
      const sheet = params.get('sheet');
      if (sheet) x.activate(sheet);
      return x;
    })();
    setOpened({ name, workbook });
    setExcel(null);
    workbook.then(
      (x) => {
        setExcel(x);
        setError(null);
      },
      (err: unknown) => setError(`${name}：${errorText(err)}`),
    );
  };

  useEffect(() => {
    open(example, async () => {
      const res = await fetch(`examples/${encodeURIComponent(example)}`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    });
  }, [example]);

  useEffect(() => excel?.onSync(() => setTick((n) => n + 1)), [excel]);

  const host = useMemo<PaneHost | null>(
    () =>
      opened
        ? {
            kind: 'preview',
            env: MEMORY_ENV,
            displayLanguage: lang === 'en' ? 'en-US' : 'zh-CN',
            theme,
            run: async (work) => work((await opened.workbook).context),
          }
        : null,
    [opened],
  );

  return (
    <div className={styles.page}>
      <div className={styles.pane} style={{ width: `${paneWidth}px` }} data-testid="pane">
        {host && <App key={opened?.name} host={host} lang={lang} />}
      </div>
      <FluentProvider theme={webLightTheme} className={styles.sheet}>
        <div className={styles.bar}>
          <Select
            aria-label="示例工作簿 (example workbook)"
            value={example}
            onChange={(_, d) => setExample(d.value)}
          >
            {[...new Set([example, ...EXAMPLES])].map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </Select>
          <input
            type="file"
            accept=".xlsx"
            aria-label="打开 .xlsx 文件 (open an .xlsx file)"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) open(file.name, async () => new Uint8Array(await file.arrayBuffer()));
            }}
          />
          {excel?.sheets.map((s) => (
            <Button
              key={s.id}
              size="small"
              appearance={s === excel.activeSheet ? 'primary' : 'secondary'}
              aria-pressed={s === excel.activeSheet}
              data-testid="sheet-tab"
              onClick={() => excel.activate(s.name)}
            >
              {s.name}
            </Button>
          ))}
        </div>
        {error && (
          <MessageBar intent="error" data-testid="open-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {excel ? <SheetPreview excel={excel} /> : !error && <Text>…</Text>}
      </FluentProvider>
    </div>
  );
}

const root = document.getElementById('app');
if (root) createRoot(root).render(<Preview />);
