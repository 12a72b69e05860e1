/**
 * "门急诊工作量达到要求，得满分；门急诊量≥规定数的80%，得2分…": beside bands written as shares of a
 * quota, 达到要求 / 符合要求 is the whole quota, 100% of it. Read only when the rule writes such
 * bands: elsewhere 达到要求 is a state (labels) or speaks of the target cell (item-rule.ts).
 */
import type { ClauseReader, Piece } from './types';
import { QUOTA } from './conditions';
import { effectOf, PRE_WORDS } from './words';

const MEETS =
  /^[^,;░]{0,20}?(?:符合|达到|满足)(?:要求|规定)(?:\([^()]*\))?,?(得满分|满分|计满分|记满分)(?=$|;)/;
/** The metric of the quota bands: "门急诊量≥规定数的80%" → 门急诊量. */
const BAND_METRIC = new RegExp(`(?:^|[\\n,;。])([^\\n,;。≥≤<>=]{1,20}?)(?:${PRE_WORDS})${QUOTA}`);

export const quota: ClauseReader = {
  id: 'quota',
  form: 'bands',
  zh: '按规定数的百分比分档时，“达到要求/符合要求，得满分”即达到规定数的100%',
  examples: ['门急诊工作量达到要求，得满分；门急诊量≥规定数的80%，得2分；门急诊量≥规定数的60%，得1分'],
  read(clause) {
    const m = MEETS.exec(clause.text);
    if (!m) return null;
    const band = BAND_METRIC.exec(clause.rule);
    const effect = effectOf(m[1]!);
    if (!band || !effect) return null;
    const piece: Piece = {
      t: 'when',
      test: {
        kind: 'condition',
        condition: { metric: band[1]!.trim(), op: '>=', value: '1', unit: '%', to: null },
      },
      effect,
    };
    return { pieces: [piece], spans: [[0, m[0].length]] };
  },
};
