/**
 * The task pane: recognise → check → score → write, Chinese first. All workbook access goes
 * through the host (Excel, or the preview's in-memory workbook) via the Workbench.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Link,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Switch,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  teamsHighContrastTheme,
  tokens,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { ScoredTable } from '../../engine/index';
import type { ColumnRole, Finding } from '../../engine/model';
import type { ScoringSettings } from '../../engine/rules/settings';
import { paneLanguage, type PaneHost, type ThemeName } from '../host';
import { fmt, t, type Lang } from '../i18n';
import type { WriteMode } from '../../engine/write-plan';
import { findingKey, type PaneSettings } from '../settings';
import type { Analysis, Notice, Workbench } from '../workbench';
import { analysisFraction } from '../progress';
import { ConflictDialog, ReportExistsDialog } from './Dialogs';
import { useWriteActions } from './write-actions';

// The engine (zod, decimal.js, the recogniser) and the panels that show its results load after
// the pane is drawn: the pane appears sooner, and a click that comes first waits for them.
const loadWorkbench = () => import(/* webpackChunkName: "workbench" */ '../workbench');
const PANELS = [
  () => import('./TablesPanel'),
  () => import('./FindingsPanel'),
  () => import('./ScorePanel'),
  () => import('./SettingsPanel'),
] as const;
const TablesPanel = lazy(() => PANELS[0]().then((m) => ({ default: m.TablesPanel })));
const FindingsPanel = lazy(() => PANELS[1]().then((m) => ({ default: m.FindingsPanel })));
const ScorePanel = lazy(() => PANELS[2]().then((m) => ({ default: m.ScorePanel })));
const SettingsPanel = lazy(() => PANELS[3]().then((m) => ({ default: m.SettingsPanel })));
// The reviewer's tab loads when it is opened, not with the clerk's panels.
const ReviewPanel = lazy(() => import('./ReviewPanel').then((m) => ({ default: m.ReviewPanel })));

interface Ready {
  bench: Workbench;
  settings: PaneSettings;
  columnHeaders: typeof import('../workbench').columnHeaders;
}

const THEMES: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalM },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  notice: { margin: `${tokens.spacingVerticalS} 0` },
  panel: { paddingTop: tokens.spacingVerticalM },
  // Tabs wrap to a second line as whole words at 320 px instead of breaking 评分 into 评/分.
  tabs: { flexWrap: 'wrap' },
  tab: { whiteSpace: 'nowrap' },
});

type TabName = 'tables' | 'findings' | 'score' | 'review' | 'settings';

export interface AppProps {
  host: PaneHost;
  /** Overrides the language Office reports (the preview's ?lang=en). */
  lang?: Lang;
}

export function App({ host, lang: forced }: AppProps) {
  const lang = forced ?? paneLanguage(host.displayLanguage);
  const styles = useStyles();
  const [ready, setReady] = useState<Ready | null>(null);
  const [settings, setSettings] = useState<PaneSettings | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  /** How far a long action is (0..1), or null when it cannot say (the bar then runs without a value). */
  const [progress, setProgress] = useState<number | null>(null);
  const [tab, setTab] = useState<TabName>('tables');
  const [selectionOnly, setSelectionOnly] = useState(false);
  const [tableIndex, setTableIndex] = useState(0);
  /** A report sheet already there: the clerk chooses to replace it or add another. */
  const [reportAsk, setReportAsk] = useState<{ sheetName: string; ours: boolean } | null>(null);
  const loading = useRef<Promise<Ready> | null>(null);

  /** The workbench with the workbook's saved settings, loaded once per host. */
  const whenReady = useCallback((): Promise<Ready> => {
    loading.current ??= loadWorkbench().then(async (m) => {
      const bench = new m.Workbench(host, lang);
      const loaded = await bench.loadSettings();
      if (loaded.notice) setNotice(loaded.notice);
      return { bench, settings: loaded.settings, columnHeaders: m.columnHeaders };
    });
    return loading.current;
  }, [host, lang]);

  useEffect(() => {
    let live = true;
    void whenReady().then((r) => {
      // Fetch the panels now too, so the first recognise does not wait for them.
      for (const load of PANELS) void load();
      if (!live) return;
      setReady(r);
      setSettings((s) => s ?? r.settings);
    });
    return () => {
      live = false;
    };
  }, [whenReady]);
  const bench = ready?.bench ?? null;

  /** Runs one action with the progress bar on and the buttons off. */
  const task = useCallback(
    async <T,>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
      setBusy(label);
      setProgress(null);
      try {
        return await work();
      } catch (err) {
        setNotice({
          intent: 'error',
          text: fmt.failed(lang, err instanceof Error ? err.message : String(err)),
        });
        return undefined;
      } finally {
        setBusy(null);
        setProgress(null);
      }
    },
    [lang],
  );

  const recognise = useCallback(
    (current: PaneSettings | null = settings) =>
      task(t(lang, 'recognising'), async () => {
        const r = await whenReady();
        setProgress(0.05);
        const a = await r.bench.read(
          selectionOnly ? 'selection' : 'usedRange',
          current ?? r.settings,
          undefined,
          (p) => {
            setBusy(fmt.analysing(lang, p));
            setProgress(analysisFraction(p));
          },
        );
        setProgress(1);
        setAnalysis(a);
        setTableIndex((i) => (i < a.result.tables.length ? i : 0));
        setNotice(
          a.logProblem !== null
            ? { intent: 'warning', text: a.logProblem }
            : a.result.tables.length > 0
              ? a.readLimits !== null
                ? {
                    intent: 'warning',
                    text: `${fmt.tablesFound(lang, a.result.tables.length, a.sheet.name)}${lang === 'zh' ? '。' : '. '}${a.readLimits}`,
                  }
                : { intent: 'info', text: fmt.tablesFound(lang, a.result.tables.length, a.sheet.name) }
              : {
                  intent: 'warning',
                  text:
                    a.range === null
                      ? t(lang, 'nothingOnSheet')
                      : (a.findings.find((f) => f.code === 'NO_TABLE')?.message ?? t(lang, 'noTable')),
                },
        );
        return a;
      }),
    [lang, selectionOnly, settings, task, whenReady],
  );

  /**
   * Reads again the sheet just written to, whichever sheet is active now (a report sheet, say),
   * and keeps the notice of what was written.
   */
  const reread = useCallback(
    async (sheet: string) => {
      const r = await whenReady();
      if (!settings) return;
      const a = await r.bench.read('usedRange', settings, sheet);
      setAnalysis(a);
      setTableIndex((i) => (i < a.result.tables.length ? i : 0));
    },
    [settings, whenReady],
  );

  const saved: WriteMode = settings?.writeMode ?? 'values';
  // A host that offers fewer modes (the web page: values) writes the first it offers.
  const mode: WriteMode =
    host.writeModes && !host.writeModes.includes(saved) ? (host.writeModes[0] ?? 'values') : saved;
  const headers = useMemo(
    () => (analysis && ready ? ready.columnHeaders(analysis, tableIndex) : {}),
    [analysis, ready, tableIndex],
  );
  const plan = useMemo(
    () => (analysis && bench && settings ? bench.plan(analysis, tableIndex, mode, settings) : null),
    [analysis, bench, mode, settings, tableIndex],
  );
  const written = useMemo(
    () => (analysis && bench && settings ? bench.written(analysis, tableIndex, plan, mode, settings) : null),
    [analysis, bench, mode, plan, settings, tableIndex],
  );

  const saveSettings = async (next: PaneSettings, reanalyse: boolean) => {
    if (!bench) return null;
    setSettings(next);
    const problem = await task(t(lang, 'busy'), () => bench.saveSettings(next));
    if (problem) setNotice(problem);
    if (reanalyse && analysis) setAnalysis(bench.analyse(analysis.raw, analysis.range, next, analysis.log));
    return problem ?? null;
  };

  const onCorrect = (table: ScoredTable, column: string, role: ColumnRole | 'none') => {
    if (bench && settings)
      void saveSettings(bench.correctRole(settings, table.sheet, table.headerRow, column, role), true);
  };

  const onSelect = (f: Finding) => {
    void task(t(lang, 'busy'), async () => {
      const n = await (await whenReady()).bench.select(f);
      if (n) setNotice(n);
    });
  };

  const writes = useWriteActions({
    lang,
    task,
    setNotice,
    reread,
    onProgress: (text, fraction) => {
      setBusy(text);
      setProgress(fraction);
    },
  });

  // Findings the clerk ignored (忽略此问题) leave the list, the highlights and the report.
  const ignored = new Set(settings?.ignored ?? []);
  const allFindings = analysis?.findings ?? [];
  const findings = allFindings.filter((f) => !ignored.has(findingKey(f)));
  const corrected = analysis && settings ? (settings.columnRoles[analysis.sheet.name] ?? {}) : {};
  const waiting = <Spinner size="small" label={t(lang, 'busy')} />;

  return (
    <FluentProvider theme={THEMES[host.theme]} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <main className={styles.root} aria-busy={busy !== null}>
        <Title3 as="h1">{t(lang, 'appTitle')}</Title3>
        {host.kind === 'preview' && (
          <Text size={200} block>
            {t(lang, 'previewNote')}
          </Text>
        )}
        <div className={styles.toolbar}>
          <Button
            appearance="primary"
            onClick={() => void recognise()}
            disabled={busy !== null}
            data-testid="recognise"
          >
            {t(lang, 'recognise')}
          </Button>
          <Switch
            checked={selectionOnly}
            onChange={(_, d) => setSelectionOnly(d.checked)}
            label={t(lang, 'recogniseSelection')}
          />
          <Link href="help/index.html" target="_blank" rel="noreferrer" data-testid="help">
            {t(lang, 'helpLink')}
          </Link>
        </div>
        {busy !== null && (
          <div role="status" aria-live="polite">
            <ProgressBar aria-label={busy} value={progress ?? undefined} data-testid="progress" />
            <Text size={200} data-testid="busy">
              {busy}
            </Text>
          </div>
        )}
        {/* Present before any notice, so that screen readers announce each one that appears. */}
        <div aria-live="polite" aria-atomic="true">
          {notice && (
            <MessageBar
              layout="multiline"
              intent={notice.intent}
              className={styles.notice}
              data-testid="notice"
            >
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabName)}
        >
          <Tab value="tables" className={styles.tab}>
            {t(lang, 'tabTables')}
          </Tab>
          <Tab value="findings" data-testid="tab-findings" className={styles.tab}>
            {t(lang, 'tabFindings')}
            {analysis ? ` (${findings.length})` : ''}
          </Tab>
          <Tab value="score" data-testid="tab-score" className={styles.tab}>
            {t(lang, 'tabScore')}
          </Tab>
          <Tab value="review" data-testid="tab-review" className={styles.tab}>
            {t(lang, 'tabReview')}
          </Tab>
          <Tab value="settings" data-testid="tab-settings" className={styles.tab}>
            {t(lang, 'tabSettings')}
          </Tab>
        </TabList>
        <section className={styles.panel} role="tabpanel" aria-label={tab}>
          <Suspense fallback={waiting}>
            {tab === 'settings' ? (
              !settings ? (
                waiting
              ) : (
                <SettingsPanel
                  key={JSON.stringify(settings.scoring)}
                  scoring={settings.scoring}
                  lang={lang}
                  busy={busy !== null}
                  onSave={(scoring: ScoringSettings) =>
                    void saveSettings({ ...settings, scoring }, true).then((problem) => {
                      if (!problem) setNotice({ intent: 'success', text: t(lang, 'saved') });
                    })
                  }
                />
              )
            ) : tab === 'review' ? (
              !settings ? (
                waiting
              ) : (
                <ReviewPanel host={host} lang={lang} scoring={settings.scoring} onNotice={setNotice} />
              )
            ) : !analysis || !bench || !settings || !ready ? (
              <Text>{t(lang, 'notRead')}</Text>
            ) : tab === 'tables' ? (
              <TablesPanel
                analysis={analysis}
                lang={lang}
                corrected={corrected}
                busy={busy !== null}
                onCorrect={onCorrect}
              />
            ) : tab === 'findings' ? (
              <FindingsPanel
                findings={findings}
                lang={lang}
                busy={busy !== null}
                onSelect={onSelect}
                onHighlight={() =>
                  void task(t(lang, 'busy'), async () => setNotice(await bench.highlight(findings)))
                }
                onClear={() => void task(t(lang, 'busy'), async () => setNotice(await bench.clear()))}
                ignoredCount={allFindings.length - findings.length}
                onIgnore={(f) =>
                  void saveSettings({ ...settings, ignored: [...settings.ignored, findingKey(f)] }, false)
                }
                onRestoreIgnored={() => void saveSettings({ ...settings, ignored: [] }, false)}
                onFix={(f) =>
                  void task(t(lang, 'busy'), async () => {
                    const n = await bench.fix(f);
                    setNotice(n);
                    if (n.intent === 'success') {
                      await reread(f.sheet);
                      setNotice(n);
                    }
                  })
                }
                onReport={() =>
                  void task(t(lang, 'busy'), async () => {
                    const there = findings.length > 0 ? await bench.existingReport() : null;
                    if (there) setReportAsk(there);
                    else setNotice(await bench.report(findings));
                  })
                }
              />
            ) : (
              <ScorePanel
                tables={analysis.result.tables}
                tableIndex={tableIndex}
                plan={plan}
                mode={mode}
                lang={lang}
                busy={busy !== null}
                decimals={settings.scoring.decimals}
                modes={host.writeModes}
                onTable={setTableIndex}
                onMode={(m) => void saveSettings({ ...settings, writeMode: m }, false)}
                findings={analysis.scoreFindings}
                onSelect={onSelect}
                columnHeaders={headers}
                onChooseColumn={(role, column) => {
                  const table = analysis.result.tables[tableIndex];
                  if (!table) return;
                  // A new score column: the current one stops being the score column.
                  if (column === 'new' && table.columns.score) onCorrect(table, table.columns.score, 'none');
                  else if (column !== 'new' && column !== '') onCorrect(table, column, role);
                }}
                onCreateActual={() => {
                  const col = bench.newColumn(analysis, tableIndex, '完成情况');
                  if (col)
                    writes.write(analysis.sheet.name, () =>
                      bench.write(
                        analysis.sheet.name,
                        [col.block],
                        fmt.columnCreated(lang, col.column, '完成情况'),
                      ),
                    );
                }}
                written={written}
                // Not on the web page: a PERF formula it converted would have no result to cache in
                // the copy (nothing calculates there); `perf-check convert --to native` does it.
                onConvertNative={
                  host.kind === 'web'
                    ? undefined
                    : (scope) => writes.convertNative(bench, analysis.sheet.name, scope)
                }
                unconverted={writes.unconverted}
                onWrite={() =>
                  writes.write(analysis.sheet.name, () =>
                    bench.writeScores(analysis, tableIndex, mode, settings),
                  )
                }
                onWriteAll={() =>
                  writes.writeAll(bench, analysis.sheet.name, analysis.result.tables.length, mode, settings)
                }
                onUndo={() =>
                  writes.write(analysis.sheet.name, async () => ({
                    notice: await bench.undo(analysis, tableIndex),
                  }))
                }
              />
            )}
          </Suspense>
        </section>
        <ReportExistsDialog
          ask={reportAsk}
          lang={lang}
          onCancel={() => setReportAsk(null)}
          onChoose={(how) => {
            setReportAsk(null);
            void task(t(lang, 'busy'), async () => {
              if (bench) setNotice(await bench.report(findings, how));
            });
          }}
        />
        <ConflictDialog
          pending={writes.pending}
          lang={lang}
          onCancel={writes.cancelPending}
          onOverwrite={writes.overwrite}
        />
      </main>
    </FluentProvider>
  );
}
