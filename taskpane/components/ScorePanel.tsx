/**
 * Scoring one table: which columns hold the actuals and the scores (or will), how each item's
 * rule was understood, which items need a score typed by hand, the total and band, and the
 * button that writes it all (as values or as live formulas).
 */
import {
  Button,
  Caption1,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { parseCellAddress, parseRangeAddress } from '../../engine/address';
import type { ScoredTable } from '../../engine/index';
import type { Finding } from '../../engine/model';
import { fmt, t, type Lang } from '../i18n';
import type { ScorePlan, WriteMode } from '../../engine/write-plan';
import type { WrittenState } from '../workbench';
import type { NativeScope, NativeUnconverted } from '../../addin/excel';
import { itemStatus, scoreText, type ItemStatus } from '../score-status';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    marginBottom: tokens.spacingVerticalM,
  },
  totals: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  table: { tableLayout: 'auto' },
  rule: { color: tokens.colorNeutralForeground2 },
  // The one reason an item has no score (or where its score came from), on its own line.
  status: { display: 'block' },
  manual: { display: 'block', color: tokens.colorPaletteRedForeground1 },
  score: { whiteSpace: 'nowrap', textAlign: 'end' },
  notes: { paddingLeft: tokens.spacingHorizontalM, overflowWrap: 'anywhere' },
  // The score reasons: no bullet (at 320 px it hung left of the pane's text), the cell as a
  // compact button with its reason right after it, the reason's lines under each other.
  reasons: { listStyleType: 'none', margin: `${tokens.spacingVerticalS} 0`, padding: 0 },
  reason: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalXS,
    overflowWrap: 'anywhere',
  },
  // As wide as its address, not Fluent's 96 px minimum (a wide gap before the reason).
  cellButton: {
    minWidth: 'auto',
    flexShrink: 0,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  written: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // A native select is as wide as its longest option: held to the pane's width instead.
  field: { minWidth: 0, maxWidth: '100%' },
  select: { width: '100%', minWidth: 0, '& select': { textOverflow: 'ellipsis' } },
  // 数值/公式 are words: never broken over two lines.
  label: { whiteSpace: 'nowrap' },
  // Room for a four-character name (安全生产) on one line.
  name: { minWidth: '4.5em' },
});

/** The help page's guide to rule wordings (served next to taskpane.html; docs/rules.md in full). */
const RULE_GUIDE_URL = 'help/index.html#rules';

/** Rows shown at once; a bigger table is summarised (the write covers every row). */
const MAX_ROWS_SHOWN = 300;

export interface ScorePanelProps {
  tables: readonly ScoredTable[];
  tableIndex: number;
  plan: ScorePlan | null;
  mode: WriteMode;
  lang: Lang;
  busy: boolean;
  onTable: (index: number) => void;
  onMode: (mode: WriteMode) => void;
  /** Scoring findings of the sheet (rules not understood, missing actuals, vetoes). */
  findings: readonly Finding[];
  onSelect: (f: Finding) => void;
  onCreateActual: () => void;
  /** Header text of each column of the table, by letter, for choosing columns. */
  columnHeaders: Readonly<Record<string, string>>;
  /** The clerk picks another column for the actuals or the scores ('new': a new score column). */
  onChooseColumn: (role: 'actual' | 'score', column: string) => void;
  onWrite: () => void;
  /** Writes every table of the sheet that has scores to write (offered when there are several). */
  onWriteAll?: () => void;
  /** What was last written for this table (cells, stale or not), or null. */
  written?: WrittenState | null;
  onUndo?: () => void;
  /** The write modes offered (all when absent); one mode is said, not offered. */
  modes?: readonly WriteMode[];
  /** Decimal places of scores (the scoring settings): every score is shown with this many. */
  decimals: number;
  /** 转换为通用公式: the PERF formulas of the workbook or the selection (absent: not offered). */
  onConvertNative?: (scope: NativeScope) => void;
  /** The formulas the last conversion left, with the reason. */
  unconverted?: readonly NativeUnconverted[];
}

/** The status line under an item's rule: where its score came from, or why it has none. */
function statusText(lang: Lang, s: ItemStatus): string {
  switch (s.kind) {
    case 'rule':
      return '';
    case 'entered':
      return t(lang, 'entered');
    case 'deduction':
      return t(lang, 'deduction');
    case 'manual':
      return `${t(lang, 'manual')}${lang === 'zh' ? '：' : ': '}${s.reason}`;
    case 'waiting':
      return `${t(lang, 'waiting')}${lang === 'zh' ? '：' : ': '}${s.reason}`;
  }
}

export function ScorePanel(props: ScorePanelProps) {
  const { tables, tableIndex, plan, mode, lang, busy } = props;
  const styles = useStyles();
  // The score findings are one tab stop (arrow keys inside): Tab goes straight on to 写入评分.
  const arrows = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  const table = tables[tableIndex];
  if (!table) return null;
  const s = table.score;
  const byRow = new Map(s.items.map((i) => [i.row, i]));
  const num = (n: number | null) => scoreText(n, props.decimals);
  const statuses = new Map(s.items.map((i) => [i.row, itemStatus(i, table, props.findings, lang)]));
  const manualCount = [...statuses.values()].filter((x) => x.kind === 'manual').length;
  const waitingCount = [...statuses.values()].filter((x) => x.kind === 'waiting').length;
  const unit = t(lang, 'pointsUnit');
  const offered = (m: WriteMode) => !props.modes || props.modes.includes(m);
  const written = props.written ?? null;
  const nothing = plan?.nothing ?? null;
  const shown = table.items.slice(0, MAX_ROWS_SHOWN);
  /** A dropdown to give the role to another column of the table. */
  const chooser = (role: 'actual' | 'score', current: string | undefined) => (
    <Select
      className={styles.select}
      aria-label={`${t(lang, role === 'actual' ? 'actualColumn' : 'scoreColumn')}：${t(lang, 'chooseColumn')}`}
      data-testid={`choose-${role}`}
      value={current ?? ''}
      disabled={busy}
      onChange={(_, d) => props.onChooseColumn(role, d.value)}
    >
      {current === undefined && <option value="">{t(lang, 'chooseColumn')}</option>}
      {Object.entries(props.columnHeaders).map(([letter, header]) => (
        <option key={letter} value={letter}>
          {letter} {header}
        </option>
      ))}
      {role === 'score' && current !== undefined && <option value="new">{t(lang, 'newColumn')}</option>}
    </Select>
  );
  const area = parseRangeAddress(table.range);
  // The findings of this table: on its rows (a score cell may sit right of its range).
  const tableFindings = props.findings.filter((f) => {
    const at = f.cell ? parseCellAddress(f.cell) : null;
    return area !== null && at !== null && at.row >= area.top && at.row <= area.bottom;
  });
  return (
    <div>
      <div className={styles.row}>
        {tables.length > 1 && (
          <Field label={t(lang, 'tabTables')} className={styles.field}>
            <Select
              className={styles.select}
              value={String(tableIndex)}
              onChange={(_, d) => props.onTable(Number(d.value))}
              data-testid="score-table"
            >
              {tables.map((x, i) => (
                <option key={x.range} value={String(i)}>
                  {(x.section ?? x.title ?? '').slice(0, 20)} {x.range}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={t(lang, 'actualColumn')} className={styles.field}>
          {table.columns.actual ? (
            <Text data-testid="actual-column">{`${table.columns.actual}（${table.headers.actual ?? ''}）`}</Text>
          ) : (
            <Button onClick={props.onCreateActual} disabled={busy} data-testid="create-actual">
              {t(lang, 'createActual')}
            </Button>
          )}
          {chooser('actual', table.columns.actual)}
        </Field>
        <Field label={t(lang, 'scoreColumn')} className={styles.field}>
          <Text data-testid="score-column">
            {plan
              ? plan.createsScoreColumn
                ? fmt.newColumnAt(lang, plan.scoreColumn)
                : `${plan.scoreColumn}（${table.headers.score ?? ''}）`
              : '—'}
          </Text>
          {chooser('score', table.columns.score)}
        </Field>
      </div>
      {props.modes && props.modes.length === 1 ? (
        <Field label={t(lang, 'writeMode')}>
          <Text data-testid="write-mode-fixed">{t(lang, 'valuesOnly')}</Text>
        </Field>
      ) : (
        <Field label={t(lang, 'writeMode')}>
          {/* One under the other: side by side, the two long sentences become narrow columns. */}
          <RadioGroup value={mode} onChange={(_, d) => props.onMode(d.value as WriteMode)} layout="vertical">
            {offered('values') && (
              <Radio value="values" label={{ children: t(lang, 'asValues'), className: styles.label }} />
            )}
            {offered('formulas') && <Radio value="formulas" label={t(lang, 'asFormulas')} />}
            {offered('native') && (
              <Radio value="native" label={t(lang, 'asNative')} data-testid="write-mode-native" />
            )}
          </RadioGroup>
          {!offered('formulas') && (
            <Caption1 block data-testid="no-perf-formulas">
              {t(lang, 'noPerfHere')}
            </Caption1>
          )}
        </Field>
      )}
      {mode === 'native' && plan?.notNative && plan.notNative.length > 0 && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody data-testid="not-native">{fmt.notNative(lang, plan.notNative)}</MessageBarBody>
        </MessageBar>
      )}
      {/* Announced when the total or band changes (another table, a setting, a correction). */}
      <div className={styles.totals} aria-live="polite" aria-atomic="true">
        <Text weight="semibold">
          {t(lang, 'total')}：<span data-testid="score-total">{num(s.total)}</span>
          {s.outOf !== null ? ` / ${num(s.outOf)}` : ''}
          {s.total !== null || s.outOf !== null ? ` ${unit}` : ''}
        </Text>
        <Text weight="semibold">
          {t(lang, 'band')}：<span data-testid="score-band">{s.band ?? '—'}</span>
          {s.bandNote ? `（${s.bandNote}）` : ''}
        </Text>
      </div>
      {s.total === null && s.unscored > 0 && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody data-testid="pending-total">
            {t(lang, 'pendingTotal')}（
            {[
              manualCount > 0 ? fmt.manualCount(lang, manualCount) : '',
              waitingCount > 0 ? fmt.waitingCount(lang, waitingCount) : '',
            ]
              .filter((x) => x !== '')
              .join(lang === 'zh' ? '，' : ', ')}
            ）
          </MessageBarBody>
        </MessageBar>
      )}
      {tableFindings.length > 0 && (
        <ul
          className={styles.reasons}
          aria-label={t(lang, 'findings')}
          data-testid="score-findings"
          {...arrows}
        >
          {tableFindings.map((f, i) => (
            <li key={`${f.code}-${f.cell}-${i}`} className={styles.reason}>
              <Button
                appearance="transparent"
                className={styles.cellButton}
                disabled={busy}
                onClick={() => props.onSelect(f)}
              >
                {f.cell}
              </Button>
              <span>{f.message}</span>
            </li>
          ))}
        </ul>
      )}
      {plan && (
        <p>
          <Caption1 data-testid="plan-summary">
            {nothing === 'noPoints'
              ? t(lang, 'noPointsWrite')
              : nothing === 'noScores'
                ? t(lang, 'noScoresWrite')
                : fmt.planSummary(lang, plan.cells.filter((c) => c.kind === 'item').length, plan.scoreColumn)}
          </Caption1>
        </p>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={props.onWrite}
          disabled={busy || !plan || nothing !== null}
          data-testid="write-scores"
        >
          {t(lang, 'writeScores')}
        </Button>
        {tables.length > 1 && props.onWriteAll && (
          <Button onClick={props.onWriteAll} disabled={busy} data-testid="write-all">
            {fmt.writeAll(lang, tables.length)}
          </Button>
        )}
        {written && props.onUndo && (
          <Button onClick={props.onUndo} disabled={busy} data-testid="undo-write">
            {t(lang, 'undoWrite')}
          </Button>
        )}
      </div>
      {written && (
        <div className={styles.written} data-testid="written">
          {written.stale && (
            <MessageBar layout="multiline" intent="warning" data-testid="stale">
              <MessageBarBody>
                {t(
                  lang,
                  written.stale === 'mode'
                    ? 'staleMode'
                    : written.stale === 'settings'
                      ? 'staleSettings'
                      : 'staleInputs',
                )}{' '}
                <Button
                  onClick={props.onWrite}
                  disabled={busy || !plan || nothing !== null}
                  data-testid="refresh-write"
                >
                  {t(lang, 'refreshWrite')}
                </Button>
              </MessageBarBody>
            </MessageBar>
          )}
          <Caption1>
            {fmt.writtenAt(
              lang,
              written.entry.mode,
              new Date(written.entry.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
            )}
          </Caption1>
          <Text>
            {t(lang, 'writtenCells')}：
            <span data-testid="written-cells">{written.cells.join(lang === 'zh' ? '、' : ', ')}</span>
          </Text>
        </div>
      )}
      {/* The guide to rule wordings, above the table: in the narrow rule column's header it broke letter by letter. */}
      <Caption1 block>
        <Link href={RULE_GUIDE_URL} target="_blank" rel="noreferrer" data-testid="rule-guide">
          {t(lang, 'ruleGuide')}
        </Link>
      </Caption1>
      <Table size="small" className={styles.table} aria-label={t(lang, 'tabScore')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.label}>{t(lang, 'sheetRow')}</TableHeaderCell>
            <TableHeaderCell className={styles.label}>{t(lang, 'items')}</TableHeaderCell>
            <TableHeaderCell className={styles.label}>{t(lang, 'rule')}</TableHeaderCell>
            <TableHeaderCell className={styles.label}>{fmt.scoreHeader(lang)}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((item) => {
            const i = byRow.get(item.row);
            const status = statuses.get(item.row);
            const how = status ? statusText(lang, status) : '';
            return (
              <TableRow key={item.row} data-testid="score-row" data-row={item.row}>
                <TableCell>{item.row}</TableCell>
                <TableCell className={styles.name}>{item.name}</TableCell>
                <TableCell>
                  {i?.rule && <span className={`${styles.rule} ${styles.status}`}>{i.rule}</span>}
                  {how && (
                    <span
                      className={status?.kind === 'manual' ? styles.manual : styles.status}
                      data-testid="item-status"
                    >
                      {how}
                    </span>
                  )}
                </TableCell>
                <TableCell className={styles.score} data-testid="item-score">
                  {num(i?.score ?? null)}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {table.items.length > shown.length && (
        <Caption1>
          … {table.items.length - shown.length} {t(lang, 'items')}
        </Caption1>
      )}
      {/* A workbook-wide action, after the table: the write's own controls come first in tab order. */}
      {props.onConvertNative && (
        <div className={styles.written} data-testid="convert-native">
          <Caption1>{t(lang, 'convertNativeHint')}</Caption1>
          <div className={styles.actions}>
            <Button
              onClick={() => props.onConvertNative?.('workbook')}
              disabled={busy}
              data-testid="convert-native-workbook"
            >
              {t(lang, 'convertNative')}
            </Button>
            <Button
              onClick={() => props.onConvertNative?.('selection')}
              disabled={busy}
              data-testid="convert-native-selection"
            >
              {t(lang, 'convertNativeSelection')}
            </Button>
          </div>
          {props.unconverted && props.unconverted.length > 0 && (
            <MessageBar layout="multiline" intent="warning" data-testid="unconverted">
              <MessageBarBody>
                {t(lang, 'unconverted')}
                <ul className={styles.notes}>
                  {props.unconverted.map((u) => (
                    <li key={`${u.sheet}!${u.cell}`} data-testid="unconverted-cell">
                      {u.sheet}!{u.cell}
                      {lang === 'zh' ? '：' : ': '}
                      {u.reason}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </div>
  );
}
