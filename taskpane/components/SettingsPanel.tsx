/**
 * Scoring settings, saved in the workbook: decimals, partial steps, band scheme, forced
 * distribution. Every field is checked (zod) before saving and a bad one is named.
 */
import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  Select,
  SpinButton,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { parseBands } from '../../engine/bands';
import type { ScoringSettings } from '../../engine/rules/settings';
import { t, type Lang } from '../i18n';
import { checkScoring, parseQuotas } from '../settings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '420px' },
});

export interface SettingsPanelProps {
  scoring: ScoringSettings;
  lang: Lang;
  busy: boolean;
  onSave: (scoring: ScoringSettings) => void;
}

export function SettingsPanel({ scoring, lang, busy, onSave }: SettingsPanelProps) {
  const styles = useStyles();
  const [decimals, setDecimals] = useState(scoring.decimals);
  const [partial, setPartial] = useState(scoring.partial);
  const [bands, setBands] = useState(scoring.bands);
  const [quotas, setQuotas] = useState(scoring.forced.quotas.join('/'));
  const [labels, setLabels] = useState(scoring.forced.labels.join('/'));

  const bandsOk = parseBands(bands).ok;
  const quotaList = parseQuotas(quotas);
  const labelList = labels
    .split(/[/,，、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const quotaProblem =
    quotaList === null
      ? lang === 'zh'
        ? '比例应写成 20/60/20'
        : 'write quotas as 20/60/20'
      : quotaList.length !== labelList.length
        ? lang === 'zh'
          ? `比例有 ${quotaList.length} 个，等次有 ${labelList.length} 个，应一一对应`
          : `${quotaList.length} quotas but ${labelList.length} labels`
        : Math.abs(quotaList.reduce((a, b) => a + b, 0) - 100) > 1e-9
          ? lang === 'zh'
            ? `比例合计 ${quotaList.reduce((a, b) => a + b, 0)}%，应为 100%`
            : `quotas add up to ${quotaList.reduce((a, b) => a + b, 0)}%, not 100%`
          : null;
  const checked = checkScoring({
    ...scoring,
    decimals,
    partial,
    bands,
    forced: { ...scoring.forced, quotas: quotaList ?? [], labels: labelList },
  });
  const canSave = bandsOk && quotaProblem === null && checked.ok;

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (checked.ok && canSave) onSave(checked.value);
      }}
    >
      <Text weight="semibold">{t(lang, 'settingsTitle')}</Text>
      <Field label={t(lang, 'decimals')}>
        <SpinButton
          value={decimals}
          min={0}
          max={6}
          data-testid="setting-decimals"
          onChange={(_, d) => {
            const v = d.value ?? Number(d.displayValue);
            if (Number.isInteger(v) && v >= 0 && v <= 6) setDecimals(v);
          }}
        />
      </Field>
      <Field label={t(lang, 'partial')}>
        <Select value={partial} onChange={(_, d) => setPartial(d.value as ScoringSettings['partial'])}>
          <option value="proportional">{t(lang, 'partialProportional')}</option>
          <option value="floor">{t(lang, 'partialFloor')}</option>
          <option value="ceil">{t(lang, 'partialCeil')}</option>
        </Select>
      </Field>
      <Field
        label={t(lang, 'bands')}
        validationState={bandsOk ? 'none' : 'error'}
        validationMessage={
          bandsOk
            ? undefined
            : lang === 'zh'
              ? '应写成 90:优秀,80:良好,60:合格,0:不合格'
              : 'write as 90:优秀,80:良好,60:合格,0:不合格'
        }
      >
        <Input value={bands} onChange={(_, d) => setBands(d.value)} data-testid="setting-bands" />
      </Field>
      <Field
        label={t(lang, 'quotas')}
        validationState={quotaProblem ? 'error' : 'none'}
        validationMessage={quotaProblem ?? undefined}
      >
        <Input value={quotas} onChange={(_, d) => setQuotas(d.value)} data-testid="setting-quotas" />
      </Field>
      <Field label={t(lang, 'quotaLabels')}>
        <Input value={labels} onChange={(_, d) => setLabels(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy || !canSave} data-testid="save-settings">
        {t(lang, 'save')}
      </Button>
    </form>
  );
}
