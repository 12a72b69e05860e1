/**
 * Findings grouped by severity with counts; each names its cell and takes the clerk there.
 * 标注 paints the finding cells, 清除标注 removes only our paint, 生成校验报告 writes a sheet.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  CounterBadge,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { useState } from 'react';
import { nextStep } from '../../engine/checks';
import type { Finding, Severity } from '../../engine/model';
import { fmt, t, type Lang, type StringKey } from '../i18n';
import { fixFor } from '../fixes';

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  finding: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    textAlign: 'start',
    justifyContent: 'flex-start',
    fontWeight: tokens.fontWeightRegular,
    minHeight: '32px',
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  cell: { minWidth: '3.5em', flexShrink: 0, whiteSpace: 'nowrap' },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  next: { color: tokens.colorNeutralForeground2 },
  header: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // The finding being worked on, as Excel's 错误检查 dialog shows it: where, what, and the actions.
  current: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  selected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
});

const ORDER: { severity: Severity; label: StringKey; color: 'danger' | 'warning' | 'informative' }[] = [
  { severity: 'error', label: 'errors', color: 'danger' },
  { severity: 'warning', label: 'warnings', color: 'warning' },
  { severity: 'info', label: 'infos', color: 'informative' },
];

export interface FindingsPanelProps {
  findings: readonly Finding[];
  lang: Lang;
  busy: boolean;
  onSelect: (f: Finding) => void;
  onHighlight: () => void;
  onClear: () => void;
  onReport: () => void;
  /** 忽略此问题: the finding leaves the list (saved in the workbook). */
  onIgnore?: (f: Finding) => void;
  /** 转换为数字 / 取消隐藏, for the findings that have a fix in place. */
  onFix?: (f: Finding) => void;
  /** How many findings were ignored, and how to bring them back. */
  ignoredCount?: number;
  onRestoreIgnored?: () => void;
}

export function FindingsPanel({
  findings,
  lang,
  busy,
  onSelect,
  onHighlight,
  onClear,
  onReport,
  onIgnore,
  onFix,
  ignoredCount = 0,
  onRestoreIgnored,
}: FindingsPanelProps) {
  const styles = useStyles();
  // The findings in the order shown (errors, warnings, notes); 上一个/下一个 walk them.
  const ordered = ORDER.flatMap(({ severity }) => findings.filter((f) => f.severity === severity));
  const [at, setAt] = useState<Finding | null>(null);
  const index = at ? ordered.indexOf(at) : -1;
  const go = (i: number) => {
    const f = ordered[(i + ordered.length) % ordered.length];
    if (!f) return;
    setAt(f);
    if (f.cell) onSelect(f);
  };
  const current = index >= 0 ? ordered[index] : undefined;
  const fix = current ? fixFor(current) : null;
  // The findings are one tab stop: arrow keys move between them (and the section headers), Tab
  // goes on to what follows; coming back returns to the finding last visited.
  const arrows = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  const withCell = findings.filter((f) => f.cell !== null);
  return (
    <div>
      <div className={styles.actions}>
        <Button onClick={onHighlight} disabled={busy || withCell.length === 0}>
          {t(lang, 'highlight')}
        </Button>
        <Button onClick={onClear} disabled={busy}>
          {t(lang, 'clearHighlight')}
        </Button>
        <Button onClick={onReport} disabled={busy}>
          {t(lang, 'writeReport')}
        </Button>
      </div>
      {ordered.length > 0 && (
        <div className={styles.current} data-testid="current-finding">
          <div className={styles.actions}>
            <Button onClick={() => go(index - 1)} disabled={busy} data-testid="previous-finding">
              {t(lang, 'previous')}
            </Button>
            <Button onClick={() => go(index + 1)} disabled={busy} data-testid="next-finding">
              {t(lang, 'next')}
            </Button>
          </div>
          {current && (
            <>
              <Text aria-live="polite" data-testid="current-text">
                {fmt.position(lang, index + 1, ordered.length)}：{current.cell ?? current.sheet}{' '}
                {current.message}
              </Text>
              <div className={styles.actions}>
                {fix && onFix && (
                  <Button
                    appearance="primary"
                    disabled={busy}
                    onClick={() => onFix(current)}
                    data-testid="fix"
                  >
                    {t(lang, fix === 'toNumber' ? 'fixToNumber' : 'fixUnhide')}
                  </Button>
                )}
                {onIgnore && (
                  <Button
                    disabled={busy}
                    data-testid="ignore"
                    onClick={() => {
                      const next = ordered[index + 1] ?? ordered[index - 1] ?? null;
                      onIgnore(current);
                      setAt(next);
                      if (next?.cell) onSelect(next);
                    }}
                  >
                    {t(lang, 'ignore')}
                  </Button>
                )}
              </div>
            </>
          )}
        </div>
      )}
      {ignoredCount > 0 && (
        <Text block data-testid="ignored">
          {fmt.ignoredCount(lang, ignoredCount)}{' '}
          {onRestoreIgnored && (
            <Button
              appearance="transparent"
              disabled={busy}
              onClick={onRestoreIgnored}
              data-testid="restore-ignored"
            >
              {t(lang, 'restoreIgnored')}
            </Button>
          )}
        </Text>
      )}
      {findings.length === 0 ? (
        <MessageBar layout="multiline" intent="success" data-testid="clean">
          <MessageBarBody>{t(lang, 'clean')}</MessageBarBody>
        </MessageBar>
      ) : (
        <div {...arrows} data-testid="findings-list">
          <Accordion multiple collapsible defaultOpenItems={['error', 'warning', 'info']}>
            {ORDER.map(({ severity, label, color }) => {
              const list = findings.filter((f) => f.severity === severity);
              if (list.length === 0) return null;
              return (
                <AccordionItem key={severity} value={severity}>
                  <AccordionHeader>
                    <span className={styles.header}>
                      <Text weight="semibold">{t(lang, label)}</Text>
                      <CounterBadge
                        count={list.length}
                        color={color === 'danger' ? 'danger' : 'informative'}
                        overflowCount={9999}
                        data-testid={`count-${severity}`}
                      />
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <ul className={styles.list} aria-label={t(lang, label)}>
                      {list.map((f, i) => {
                        const next = nextStep(f, lang);
                        return (
                          <li key={`${f.code}-${f.cell}-${i}`}>
                            <Button
                              appearance="subtle"
                              className={
                                f === current ? `${styles.finding} ${styles.selected}` : styles.finding
                              }
                              aria-current={f === current ? 'true' : undefined}
                              data-testid="finding"
                              data-cell={f.cell ?? ''}
                              data-code={f.code}
                              data-severity={f.severity}
                              disabled={busy || f.cell === null}
                              title={f.cell ? `${t(lang, 'goToCell')} ${f.sheet}!${f.cell}` : undefined}
                              onClick={() => {
                                setAt(f);
                                onSelect(f);
                              }}
                            >
                              <Badge appearance="outline" color={color} className={styles.cell}>
                                {f.cell ?? f.sheet}
                              </Badge>
                              <span className={styles.text}>
                                <span>{f.message}</span>
                                {next && (
                                  <span className={styles.next} data-testid="next-step">
                                    {lang === 'zh' ? `建议：${next}` : `Next: ${next}`}
                                  </span>
                                )}
                              </span>
                            </Button>
                          </li>
                        );
                      })}
                    </ul>
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>
        </div>
      )}
    </div>
  );
}
