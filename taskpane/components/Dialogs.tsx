/**
 * The pane's two questions: a report sheet is already there (replace it, add another, or not),
 * and a write would go over cells that hold something (overwrite them or not).
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { fmt, t, type Lang } from '../i18n';
import type { PendingOnSheet } from './write-actions';

const useStyles = makeStyles({
  // A long list of cells scrolls inside the dialog; its buttons stay in view.
  conflicts: { maxHeight: '240px', overflowY: 'auto', margin: `${tokens.spacingVerticalS} 0` },
});

/** A 校验报告 sheet already there: the pane's own may be replaced, another only added beside. */
export function ReportExistsDialog({
  ask,
  lang,
  onCancel,
  onChoose,
}: {
  ask: { sheetName: string; ours: boolean } | null;
  lang: Lang;
  onCancel: () => void;
  onChoose: (how: 'new' | 'replace') => void;
}) {
  return (
    <Dialog open={ask !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="report-exists-text">
        <DialogBody>
          <DialogTitle>{t(lang, 'reportExists')}</DialogTitle>
          <DialogContent>
            <Text id="report-exists-text">{ask && fmt.reportExists(lang, ask.sheetName, ask.ours)}</Text>
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="secondary" onClick={onCancel} data-testid="report-cancel">
              {t(lang, 'cancel')}
            </Button>
            {(['new', 'replace'] as const)
              .filter((how) => how === 'new' || ask?.ours === true)
              .map((how) => (
                <Button
                  key={how}
                  appearance={how === 'replace' ? 'primary' : 'secondary'}
                  data-testid={`report-${how}`}
                  onClick={() => onChoose(how)}
                >
                  {t(lang, how === 'replace' ? 'replaceReport' : 'newReport')}
                </Button>
              ))}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** A write that would go over cells holding something: each cell with what it holds. */
export function ConflictDialog({
  pending,
  lang,
  onCancel,
  onOverwrite,
}: {
  pending: PendingOnSheet | null;
  lang: Lang;
  onCancel: () => void;
  onOverwrite: () => void;
}) {
  const styles = useStyles();
  return (
    <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="conflict-text">
        <DialogBody>
          <DialogTitle>{t(lang, 'conflictTitle')}</DialogTitle>
          <DialogContent>
            <Text id="conflict-text">{t(lang, 'conflictText')}</Text>
            <ul className={styles.conflicts} data-testid="conflicts">
              {pending?.conflicts.map((c) => (
                <li key={c.address}>
                  {c.address}：{t(lang, 'existing')}「{String(c.existing)}」
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} data-testid="conflict-cancel">
              {t(lang, 'cancel')}
            </Button>
            <Button appearance="primary" data-testid="conflict-overwrite" onClick={onOverwrite}>
              {t(lang, 'overwrite')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
