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
} from '@fluentui/react-components';
import { parseCellAddress, parseRangeAddress } from '../../engine/address';
import type { ScoredTable } from '../../engine/index';
import type { Finding } from '../../engine/model';
import { fmt, t, type Lang } from '../i18n';
import type { ScorePlan, WriteMode } from '../../engine/write-plan';
import type { WrittenState } from '../workbench';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    marginBottom: tokens.spacingVerticalM,
  },
  totals: { display: 'flex', gap: tokens.spacingHorizontalL, margin: `${tokens.spacingVerticalM} 0` },
  table: { tableLayout: 'auto' },
  rule: { color: tokens.colorNeutralForeground2 },
  manual: { color: tokens.colorPaletteRedForeground1 },
  notes: { paddingLeft: tokens.spacingHorizontalM, overflowWrap: 'anywhere' },
  written: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
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
  /** What was last written for this table (cells, stale or not), or null. */
  written?: WrittenState | null;
  onUndo?: () => void;
}

function num(n: number | null): string {
  return n === null ? '—' : String(Number(n.toPrecision(12)));
}

export function ScorePanel(props: ScorePanelProps) {
  const { tables, tableIndex, plan, mode, lang, busy } = props;
  const styles = useStyles();
  const table = tables[tableIndex];
  if (!table) return null;
  const s = table.score;
  const byRow = new Map(s.items.map((i) => [i.row, i]));
  const manualCount = s.items.filter((i) => i.score === null && i.manual).length;
  const written = props.written ?? null;
  const nothing = plan?.nothing ?? null;
  const shown = table.items.slice(0, MAX_ROWS_SHOWN);
  /** A dropdown to give the role to another column of the table. */
  const chooser = (role: 'actual' | 'score', current: string | undefined) => (
    <Select
      size="small"
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
          <Field label={t(lang, 'tabTables')}>
            <Select
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
        <Field label={t(lang, 'actualColumn')}>
          {table.columns.actual ? (
            <Text data-testid="actual-column">{`${table.columns.actual}（${table.headers.actual ?? ''}）`}</Text>
          ) : (
            <Button size="small" onClick={props.onCreateActual} disabled={busy} data-testid="create-actual">
              {t(lang, 'createActual')}
            </Button>
          )}
          {chooser('actual', table.columns.actual)}
        </Field>
        <Field label={t(lang, 'scoreColumn')}>
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
      <Field label={t(lang, 'writeMode')}>
        <RadioGroup value={mode} onChange={(_, d) => props.onMode(d.value as WriteMode)} layout="horizontal">
          <Radio value="values" label={t(lang, 'asValues')} />
          <Radio value="formulas" label={t(lang, 'asFormulas')} />
        </RadioGroup>
      </Field>
      <div className={styles.totals}>
        <Text weight="semibold">
          {t(lang, 'total')}：<span data-testid="score-total">{num(s.total)}</span>
          {s.outOf !== null ? ` / ${num(s.outOf)}` : ''}
        </Text>
        <Text weight="semibold">
          {t(lang, 'band')}：<span data-testid="score-band">{s.band ?? '—'}</span>
          {s.bandNote ? `（${s.bandNote}）` : ''}
        </Text>
      </div>
      {s.total === null && s.unscored > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="pending-total">
            {t(lang, 'pendingTotal')}（
            {[
              manualCount > 0 ? fmt.manualCount(lang, manualCount) : '',
              s.unscored - manualCount > 0 ? fmt.waitingCount(lang, s.unscored - manualCount) : '',
            ]
              .filter((x) => x !== '')
              .join(lang === 'zh' ? '，' : ', ')}
            ）
          </MessageBarBody>
        </MessageBar>
      )}
      {tableFindings.length > 0 && (
        <ul className={styles.notes} aria-label={t(lang, 'findings')} data-testid="score-findings">
          {tableFindings.map((f, i) => (
            <li key={`${f.code}-${f.cell}-${i}`}>
              <Button appearance="transparent" size="small" disabled={busy} onClick={() => props.onSelect(f)}>
                {f.cell}
              </Button>
              {f.message}
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
        {written && props.onUndo && (
          <Button onClick={props.onUndo} disabled={busy} data-testid="undo-write">
            {t(lang, 'undoWrite')}
          </Button>
        )}
      </div>
      {written && (
        <div className={styles.written} data-testid="written">
          {written.stale && (
            <MessageBar intent="warning" data-testid="stale">
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
                  size="small"
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
      <Table size="small" className={styles.table} aria-label={t(lang, 'tabScore')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>#</TableHeaderCell>
            <TableHeaderCell>{t(lang, 'items')}</TableHeaderCell>
            <TableHeaderCell>
              {t(lang, 'rule')}{' '}
              <Link href={RULE_GUIDE_URL} target="_blank" rel="noreferrer" data-testid="rule-guide">
                {t(lang, 'ruleGuide')}
              </Link>
            </TableHeaderCell>
            <TableHeaderCell>{t(lang, 'tabScore')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((item) => {
            const i = byRow.get(item.row);
            const how =
              i?.source === 'entered'
                ? t(lang, 'entered')
                : i?.source === 'deduction'
                  ? t(lang, 'deduction')
                  : i?.manual
                    ? t(lang, 'manual')
                    : i?.score === null && i?.rule
                      ? t(lang, 'waiting')
                      : '';
            return (
              <TableRow key={item.row} data-testid="score-row" data-row={item.row}>
                <TableCell>{item.row}</TableCell>
                <TableCell>{item.name}</TableCell>
                <TableCell>
                  <span className={styles.rule}>{i?.rule ?? ''}</span>
                  {how && <span className={i?.manual ? styles.manual : undefined}> {how}</span>}
                </TableCell>
                <TableCell data-testid="item-score">{num(i?.score ?? null)}</TableCell>
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
    </div>
  );
}
