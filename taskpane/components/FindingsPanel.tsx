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
import { nextStep } from '../../engine/checks';
import type { Finding, Severity } from '../../engine/model';
import { t, type Lang, type StringKey } from '../i18n';

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
}

export function FindingsPanel({
  findings,
  lang,
  busy,
  onSelect,
  onHighlight,
  onClear,
  onReport,
}: FindingsPanelProps) {
  const styles = useStyles();
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
                              className={styles.finding}
                              data-testid="finding"
                              data-cell={f.cell ?? ''}
                              data-code={f.code}
                              data-severity={f.severity}
                              disabled={busy || f.cell === null}
                              title={f.cell ? `${t(lang, 'goToCell')} ${f.sheet}!${f.cell}` : undefined}
                              onClick={() => onSelect(f)}
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
