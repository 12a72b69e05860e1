/**
 * The recognised tables: range, layout, points declared vs summed, the column roles (a clerk can
 * correct one; the correction is saved in the workbook) and the group tree.
 */
import {
  Badge,
  Caption1,
  Card,
  CardHeader,
  Select,
  Text,
  Tree,
  TreeItem,
  TreeItemLayout,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { LAYOUT_NAMES, ROLE_NAMES, type ScoredTable } from '../../engine/index';
import { ColumnRoleSchema, type ColumnRole, type Group } from '../../engine/model';
import { columnHeaders, type Analysis } from '../workbench';
import { t, type Lang } from '../i18n';

const useStyles = makeStyles({
  card: { marginBottom: tokens.spacingVerticalM },
  roles: { width: '100%', borderCollapse: 'collapse', marginTop: tokens.spacingVerticalS },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, verticalAlign: 'middle' },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM },
  corrected: { marginLeft: tokens.spacingHorizontalXS },
  // A badge's words stay on one line inside their pill.
  pill: { whiteSpace: 'nowrap', flexShrink: 0 },
});

export interface TablesPanelProps {
  analysis: Analysis;
  lang: Lang;
  /** Column letters per header row the clerk corrected, for the "已更正" mark. */
  corrected: Record<string, Record<string, string>>;
  busy: boolean;
  onCorrect: (table: ScoredTable, column: string, role: ColumnRole | 'none') => void;
}

const ROLES = ColumnRoleSchema().options;

function fmtPoints(n: number | null, unit: ScoredTable['pointsUnit']): string {
  if (n === null) return '—';
  return unit === 'percent' ? `${Number((n * 100).toPrecision(12))}%` : String(Number(n.toPrecision(12)));
}

/** Children of a group in the flat list: the groups one level down whose path extends it. */
function childrenOf(groups: readonly Group[], parent: Group | null): Group[] {
  return groups.filter((g) =>
    parent === null
      ? g.level === 1
      : g.level === parent.level + 1 && parent.path.every((p, i) => g.path[i] === p),
  );
}

/**
 * A table with no points anywhere (no 分值 column, no declared total, none in a group's label): its
 * sums are not "0 points", and there is nothing for points to agree with.
 */
function withoutPoints(table: ScoredTable): boolean {
  return (
    table.columns.points === undefined &&
    table.declaredTotal === null &&
    table.sum === 0 &&
    table.groups.every((g) => g.declared === null)
  );
}

function GroupTree({ table, lang }: { table: ScoredTable; lang: Lang }) {
  const styles = useStyles();
  const none = withoutPoints(table);
  const render = (g: Group) => {
    const kids = childrenOf(table.groups, g);
    const agree = g.declared === null || Math.abs(g.declared - g.sum) < 1e-9 || g.scoredAsWhole;
    const facts =
      g.declared !== null
        ? `${t(lang, 'declared')} ${fmtPoints(g.declared, table.pointsUnit)} · ${t(lang, 'summed')} ${fmtPoints(g.sum, table.pointsUnit)}`
        : `${t(lang, 'summed')} ${fmtPoints(g.sum, table.pointsUnit)}`;
    return (
      <TreeItem key={`${g.cell}`} itemType={kids.length > 0 ? 'branch' : 'leaf'} value={g.cell}>
        <TreeItemLayout
          aside={
            none ? undefined : (
              <Badge appearance="tint" color={agree ? 'success' : 'danger'} className={styles.pill}>
                {agree ? t(lang, 'pointsOk') : t(lang, 'pointsMismatch')}
              </Badge>
            )
          }
        >
          <span data-testid="group-label">{g.label}</span>
          {none ? null : <Caption1> {facts}</Caption1>}
        </TreeItemLayout>
        {kids.length > 0 && <Tree>{kids.map(render)}</Tree>}
      </TreeItem>
    );
  };
  const top = childrenOf(table.groups, null);
  if (top.length === 0) return null;
  return (
    <Tree aria-label={t(lang, 'groups')} defaultOpenItems={table.groups.map((g) => g.cell)}>
      {top.map(render)}
    </Tree>
  );
}

export function TablesPanel({ analysis, lang, corrected, busy, onCorrect }: TablesPanelProps) {
  const styles = useStyles();
  return (
    <div>
      {analysis.result.tables.map((table, i) => {
        const headers = columnHeaders(analysis, i);
        const roleAt = new Map<string, ColumnRole>();
        for (const [role, letter] of Object.entries(table.columns)) roleAt.set(letter, role as ColumnRole);
        const fixed = corrected[String(table.headerRow)] ?? {};
        return (
          <Card key={table.range} className={styles.card} data-testid="table-card" aria-label={table.range}>
            <CardHeader
              header={
                <Text weight="semibold">
                  {table.section ?? table.title ?? `${t(lang, 'tabTables')} ${i + 1}`}
                </Text>
              }
              description={
                <Caption1>
                  {LAYOUT_NAMES[table.layout][lang]} · {table.range}
                </Caption1>
              }
            />
            <div className={styles.facts}>
              <Text>{t(lang, 'range')}</Text>
              <Text data-testid="table-range">{table.range}</Text>
              <Text>{t(lang, 'items')}</Text>
              <Text data-testid="table-items">{table.items.length}</Text>
              <Text>{t(lang, 'points')}</Text>
              <Text data-testid="table-points">
                {withoutPoints(table)
                  ? t(lang, 'noPoints')
                  : `${
                      table.declaredTotal !== null
                        ? `${t(lang, 'declared')} ${fmtPoints(table.declaredTotal, table.pointsUnit)} · `
                        : ''
                    }${t(lang, 'summed')} ${fmtPoints(table.sum, table.pointsUnit)}`}
              </Text>
            </div>
            <table className={styles.roles} aria-label={t(lang, 'columns')}>
              <thead>
                <tr>
                  <th className={styles.cell}>{t(lang, 'column')}</th>
                  <th className={styles.cell}>{t(lang, 'header')}</th>
                  <th className={styles.cell}>{t(lang, 'role')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.keys(headers).map((letter) => {
                  const header = headers[letter] ?? '';
                  const role = roleAt.get(letter) ?? 'none';
                  return (
                    <tr key={letter}>
                      <td className={styles.cell}>{letter}</td>
                      <td className={styles.cell}>{header}</td>
                      <td className={styles.cell}>
                        <Select
                          aria-label={`${t(lang, 'role')} ${letter}`}
                          data-testid={`role-${table.headerRow}-${letter}`}
                          value={role}
                          disabled={busy}
                          onChange={(_, data) => onCorrect(table, letter, data.value as ColumnRole | 'none')}
                        >
                          <option value="none">{t(lang, 'roleNone')}</option>
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {ROLE_NAMES[r][lang]}
                            </option>
                          ))}
                        </Select>
                        {fixed[letter] !== undefined && (
                          <Badge className={mergeClasses(styles.corrected, styles.pill)} appearance="outline">
                            {t(lang, 'roleCorrected')}
                          </Badge>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <GroupTree table={table} lang={lang} />
          </Card>
        );
      })}
    </div>
  );
}
