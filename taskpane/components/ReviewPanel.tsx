/**
 * 汇总 tab (issue 14): the reviewer picks the returned workbooks (and, if the open workbook is not
 * the template, a template file), sees the progress file by file, the ranked units, the files that
 * could not be read and why, the quota counts and the ties across a cut-off, and writes the 汇总 /
 * 明细 / 问题 sheets into the open workbook (asking before replacing sheets of those names).
 */
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { tieLines } from '../../engine/review/sheets';
import type { ScoringSettings } from '../../engine/rules/settings';
import type { PaneHost } from '../host';
import { fmt, t, type Lang } from '../i18n';
import type { Notice } from '../workbench';
import {
  reviewFiles,
  sheetsInTheWay,
  templateFromFile,
  templateFromWorkbook,
  writeSheets,
  type ReviewResult,
} from '../review';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  file: { maxWidth: '100%', minHeight: '32px' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  unit: { overflowWrap: 'anywhere' },
});

const ACCEPT = '.xlsx,.xlsm,.xltx,.xltm,.xls,.et,.ods';

export interface ReviewPanelProps {
  host: PaneHost;
  lang: Lang;
  scoring: ScoringSettings;
  onNotice: (n: Notice) => void;
}

export function ReviewPanel({ host, lang, scoring, onNotice }: ReviewPanelProps) {
  const styles = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [templateFile, setTemplateFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ n: number; total: number; name: string } | null>(null);
  const [result, setResult] = useState<ReviewResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [ask, setAsk] = useState<string[] | null>(null);

  const fail = (err: unknown) =>
    onNotice({ intent: 'error', text: fmt.failed(lang, err instanceof Error ? err.message : String(err)) });

  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      const template = templateFile
        ? await templateFromFile(templateFile, scoring, lang)
        : await templateFromWorkbook(host, scoring);
      const r = await reviewFiles(files, template, scoring, lang, (n, total, name) =>
        setProgress({ n, total, name }),
      );
      setResult(r);
      const c = r.consolidation;
      onNotice({
        intent: c.units.some((u) => u.error !== null) ? 'warning' : 'success',
        text: fmt.reviewDone(
          lang,
          c.units.length,
          c.distribution.ranked,
          c.units.filter((u) => u.error).length,
        ),
      });
    } catch (err) {
      fail(err);
    } finally {
      setProgress(null);
      setBusy(false);
    }
  };

  const write = async (replace: boolean) => {
    if (!result) return;
    setBusy(true);
    try {
      if (!replace) {
        const there = await sheetsInTheWay(host);
        if (there.length > 0) {
          setAsk(there);
          return;
        }
      }
      onNotice({
        intent: 'success',
        text: fmt.reviewWritten(lang, await writeSheets(host, result.sheets, replace)),
      });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const c = result?.consolidation;
  const ranked = c ? [...c.units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)) : [];
  return (
    <div className={styles.col} data-testid="review-panel">
      <Text>{t(lang, 'reviewIntro')}</Text>
      <Field
        label={t(lang, 'reviewTemplate')}
        hint={templateFile ? undefined : t(lang, 'reviewTemplateOpen')}
      >
        <input
          type="file"
          accept={ACCEPT}
          className={styles.file}
          aria-label={t(lang, 'reviewTemplateFile')}
          data-testid="review-template"
          disabled={busy}
          onChange={(e) => setTemplateFile(e.target.files?.[0] ?? null)}
        />
      </Field>
      <Field label={t(lang, 'reviewFiles')}>
        <input
          type="file"
          multiple
          accept={ACCEPT}
          className={styles.file}
          aria-label={t(lang, 'reviewFiles')}
          data-testid="review-files"
          disabled={busy}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
      </Field>
      <Button
        appearance="primary"
        disabled={busy || files.length === 0}
        onClick={() => void run()}
        data-testid="review-run"
      >
        {t(lang, 'reviewRun')}
      </Button>
      {progress && (
        <div role="status" aria-live="polite" data-testid="review-progress">
          <ProgressBar value={progress.n / progress.total} />
          <Text size={200}>{fmt.reviewProgress(lang, progress.n, progress.total, progress.name)}</Text>
        </div>
      )}
      {c && (
        <>
          <ol className={styles.list} data-testid="review-units">
            {ranked
              .filter((u) => u.error === null)
              .map((u) => (
                <li
                  key={u.file}
                  className={styles.unit}
                  data-testid="review-unit"
                  data-unit={u.unit}
                  data-rank={u.rank ?? ''}
                  data-total={u.total ?? ''}
                  data-band={u.band ?? ''}
                  data-quota={u.quotaBand ?? ''}
                >
                  {u.rank ?? '—'}. {u.unit}：{u.total ?? '—'}，{u.band ?? '—'}
                  {u.quotaBand ? `，${u.quotaBand}` : `（${t(lang, 'reviewNotRanked')}）`}
                  {u.changes.length > 0 ? `；${t(lang, 'reviewChanges')} ${u.changes.length}` : ''}
                </li>
              ))}
          </ol>
          <Text data-testid="review-quota">
            {fmt.reviewQuota(lang, c.distribution.labels, c.distribution.counts, c.distribution.assigned)}
          </Text>
          {tieLines(c.distribution).map((l) => (
            <MessageBar key={l} intent="warning" layout="multiline" data-testid="review-tie">
              <MessageBarBody>{l}</MessageBarBody>
            </MessageBar>
          ))}
          {c.units.some((u) => u.error !== null) && (
            <>
              <Text weight="semibold">{t(lang, 'reviewUnreadable')}</Text>
              <ul className={styles.list} data-testid="review-unreadable">
                {c.units
                  .filter((u) => u.error !== null)
                  .map((u) => (
                    <li key={u.file}>
                      {u.file}：{u.error}
                    </li>
                  ))}
              </ul>
            </>
          )}
          <Button disabled={busy} onClick={() => void write(false)} data-testid="review-write">
            {t(lang, 'reviewWrite')}
          </Button>
        </>
      )}
      <Dialog open={ask !== null} onOpenChange={(_, d) => !d.open && setAsk(null)}>
        <DialogSurface aria-describedby="review-replace-text">
          <DialogBody>
            <DialogTitle>{t(lang, 'reviewReplaceTitle')}</DialogTitle>
            <DialogContent>
              <Text id="review-replace-text">{ask && fmt.reviewReplaceText(lang, ask)}</Text>
            </DialogContent>
            <DialogActions fluid>
              <Button appearance="secondary" onClick={() => setAsk(null)} data-testid="review-replace-cancel">
                {t(lang, 'cancel')}
              </Button>
              <Button
                appearance="primary"
                data-testid="review-replace"
                onClick={() => {
                  setAsk(null);
                  void write(true);
                }}
              >
                {t(lang, 'reviewReplace')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
