/**
 * Table scoring. Per item: an entered score (0..points), else points minus an entered
 * deduction, else the rule of its target / method text applied to the actual value. Deduction-only
 * items come off the table total (never below 0); 一票否决 fails the band, 一票否优 caps it below
 * the top band. Every number is decimal; items are rounded half away from zero as settings say.
 */
import { cellAddress } from './address';
import type { CellValue } from './grid';
import { BAND_NOTES, bandOfTotal } from './bands';
import type { Finding, FindingCode, ItemScore, Severity, TableScore } from './model';
import type { RecognisedItem, RecognisedTable } from './recognise';
import { evaluateRule, formOf, renderRule } from './rules';
import { itemRuleOf } from './item-rules';
import { readActual, readOccurred } from './rules/actual';
import { D, dec, dmin, round, type Dec } from './rules/decimal';
import type { ScoringSettings } from './rules/settings';
import type { Actual } from './rules/types';
import type { SheetView } from './sheet-view';

const SEVERITY: Record<string, Severity> = {
  RULE_UNPARSED: 'warning',
  MANUAL_SCORE: 'info',
  ACTUAL_MISSING: 'warning',
  ACTUAL_INVALID: 'error',
  RULE_CONDITION: 'info',
  VETO_TRIGGERED: 'warning',
};

function cellActual(v: CellValue): Actual {
  switch (v.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return v.value;
    default:
      return null;
  }
}

/**
 * A number typed in a cell (number, or numeric text); 'blank'; 'error' (an error value, already
 * reported as CELL_ERROR); or 'invalid'.
 */
function cellNumber(v: CellValue): Dec | 'blank' | 'error' | 'invalid' {
  if (v.kind === 'error') return 'error';
  const r = readActual(cellActual(v));
  if (r.kind === 'missing') return 'blank';
  return r.kind === 'number' ? r.value : 'invalid';
}

/**
 * An entered score that is a whole number from 0 to the item's whole points (below 10^15), or
 * null. Such a score takes no Decimal arithmetic: it is within range, already rounded at any
 * number of decimals (0..10), at most its points, and its Decimal is exactly itself (dec() keeps
 * integers below 10^15 as they are), so the comparisons, the rounding and toNumber() that the
 * general path runs on it would give back the same score; only its addition to the total stays
 * decimal. -0 is left to the general path (a Map of decimals keys it as 0). Decimal arithmetic
 * was a quarter of a review's engine time (README, Performance).
 */
function wholeEntered(x: number, points: number | null): number | null {
  return points !== null &&
    Number.isInteger(x) &&
    Number.isInteger(points) &&
    (x > 0 || Object.is(x, 0)) &&
    x <= points &&
    points < 1e15
    ? x
    : null;
}

/** A negative deduction would add points (above the item's points): it is an input error. */
function negativeIsInvalid(d: ReturnType<typeof cellNumber>): ReturnType<typeof cellNumber> {
  return typeof d === 'object' && d.lt(0) ? 'invalid' : d; // lt, not isNeg: -0 is no deduction
}

export interface ScoreTableResult {
  score: TableScore;
  findings: Finding[];
}

/**
 * Scores one recognised table. `detail` false leaves out what only a report of the table shows:
 * each item's rule sentence and rule kind (null) and the table's band (null); the review reads
 * the scores, triggers, totals and findings only, and these took a fifth of its scoring.
 */
export function scoreTable(
  t: RecognisedTable,
  view: SheetView,
  settings: ScoringSettings,
  lang: 'zh' | 'en',
  detail = true,
): ScoreTableResult {
  // A plain loop, not the generator run through: resuming a generator per item (its registers
  // saved and restored, a result object each) and compiling one cost the review for nothing.
  const s = new TableScoring(t, view, settings, lang, detail);
  for (const rec of t.items) s.item(rec);
  return s.result();
}

/**
 * Scores one recognised table, yielding the 0-based sheet row of each item before it is scored
 * (for a progress bar by rows; scoreTable does the same without the steps).
 */
export function* scoreTableSteps(
  t: RecognisedTable,
  view: SheetView,
  settings: ScoringSettings,
  lang: 'zh' | 'en',
  detail = true,
): Generator<number, ScoreTableResult, void> {
  const s = new TableScoring(t, view, settings, lang, detail);
  for (const rec of t.items) {
    yield rec.row;
    s.item(rec);
  }
  return s.result();
}

/** The sums' start (Decimals never change: a sum is replaced by each addition, so one zero serves all). */
const ZERO = new D(0);

/** A table being scored, item by item in order: the findings so far and the running sums. */
class TableScoring {
  readonly findings: Finding[] = [];
  readonly items: ItemScore[] = [];
  private readonly cols: RecognisedTable['cols'];
  private readonly wholeGroups: Set<string>;
  sum = ZERO;
  // Whole entered scores are added up as a number (exact below 2^53), not a Decimal each. Scores
  // have at most 10 decimals, so while every score is below 10^15 no addition rounds and their
  // order does not matter; from the first larger one on, everything is added in order.
  wholeSum = 0;
  inOrder = false;
  exactSum = ZERO;
  scoredPoints = ZERO;
  deductions = ZERO;
  unscored = 0;
  veto = false;
  vetoExcellence = false;

  constructor(
    private readonly t: RecognisedTable,
    private readonly view: SheetView,
    private readonly settings: ScoringSettings,
    private readonly lang: 'zh' | 'en',
    private readonly detail: boolean,
  ) {
    const { cols } = t;
    this.cols = cols;
    this.wholeGroups = new Set(
      t.table.groups.filter((g) => g.scoredAsWhole).map((g) => g.path.join('\u0001')),
    );
    if (
      cols.actual === undefined &&
      cols.score === undefined &&
      cols.deduction === undefined &&
      t.items.length > 0
    )
      this.report(
        'ACTUAL_MISSING',
        cellAddress(t.headerTop, cols.item!),
        '表格没有“完成情况”“得分”或“扣分”列，无法计分；请添加完成情况列',
        'The table has no actual, score or deduction column: add an actual column to score it',
      );
  }

  private report(
    code: FindingCode,
    cell: string | null,
    zh: string,
    en: string,
    data: Finding['data'] = {},
  ): void {
    this.findings.push({
      code,
      severity: SEVERITY[code] ?? 'info',
      sheet: this.view.name,
      cell,
      message: this.lang === 'en' ? en : zh,
      messageEn: en,
      data,
    });
  }

  private inWholeGroup(path: string[]): boolean {
    for (let d = path.length; d > 0; d--)
      if (this.wholeGroups.has(path.slice(0, d).join('\u0001'))) return true;
    return false;
  }

  /** Scores the next item. */
  item(rec: RecognisedItem): void {
    const { cols, view, settings, lang, detail } = this;
    const it = rec.item;
    const r = rec.row;
    const scoreCell = cols.score !== undefined ? cellAddress(r, cols.score) : null;
    let vetoAt: string | null = null;
    const actualRaw = cols.actual !== undefined ? cellActual(view.value(r, cols.actual)) : null;
    // The rule is read where something uses it (an entered score needs none without `detail`);
    // reading it is pure, so when it is read does not matter.
    let itemRule = detail || it.deductionOnly ? itemRuleOf(it.method, it.target) : undefined;
    let parsed = itemRule?.parsed ?? null;
    const entry: ItemScore = {
      row: it.row,
      actual: readableActual(actualRaw),
      score: null,
      source: 'none',
      rule: detail && parsed?.ok ? renderRule(parsed.rule, lang) : null,
      ruleKind: detail && parsed?.ok ? formOf(parsed.rule) : null,
      manual: false,
      triggered: false,
      scoreCell,
    };
    this.items.push(entry);
    const points = it.points === null ? null : dec(it.points);

    // Deduction-only items (扣分制): the entered deduction comes off the whole.
    if (it.deductionOnly) {
      const cap =
        parsed?.ok && parsed.rule.deductionOnly && parsed.rule.deductCap ? dec(parsed.rule.deductCap) : null;
      const source = cols.deduction ?? cols.actual;
      if (source !== undefined) {
        const d = negativeIsInvalid(cellNumber(view.value(r, source)));
        if (d === 'invalid') {
          this.report(
            'ACTUAL_INVALID',
            cellAddress(r, source),
            `扣分「${view.text(r, source)}」不是非负数字`,
            `Deduction "${view.text(r, source)}" is not a number ≥ 0`,
          );
          this.unscored++;
        } else if (d === 'error') this.unscored++;
        else if (d !== 'blank') {
          const taken = cap ? D.min(d, cap) : d;
          this.deductions = this.deductions.plus(taken);
          entry.score = taken.neg().toNumber();
          entry.source = 'deduction';
        } else entry.score = 0;
      }
      return;
    }
    if (points === null) {
      // Scored at group level (L5) or missing points (reported by validation).
      if (!this.inWholeGroup(it.path)) this.unscored++;
      return;
    }

    let score: Dec | null = null;
    // A typed score that is wrong is not replaced by a computed one: the clerk must fix it.
    let enteredBad = false;
    // An entered whole score within whole points (most typed scores): see wholeEntered.
    let whole: number | null = null;
    // 1. An entered score.
    if (cols.score !== undefined) {
      const cv = view.value(r, cols.score);
      whole = cv.kind === 'number' ? wholeEntered(cv.value, it.points) : null;
      if (whole !== null) {
        score = dec(whole);
        entry.source = 'entered';
      } else {
        const s = cellNumber(cv);
        if (s === 'invalid' && vetoWord(it, view.text(r, cols.score))) {
          // 否决 typed in the score cell of a veto item: the event happened (issue 14); no number.
          enteredBad = true;
          entry.triggered = true;
          vetoAt = scoreCell;
        } else if (s === 'invalid') {
          enteredBad = true;
          this.report(
            'ACTUAL_INVALID',
            scoreCell,
            `得分「${view.text(r, cols.score)}」不是数字`,
            `Score "${view.text(r, cols.score)}" is not a number`,
          );
        } else if (s === 'error') {
          enteredBad = true;
        } else if (s !== 'blank') {
          if (s.gte(0) && s.lte(points)) {
            score = s;
            entry.source = 'entered';
          } else enteredBad = true; // reported by validation (SCORE_OUT_OF_RANGE)
        }
      }
    }
    // 2. Points minus an entered deduction (a blank deduction is none).
    if (score === null && !enteredBad && entry.source === 'none' && cols.deduction !== undefined) {
      const d = negativeIsInvalid(cellNumber(view.value(r, cols.deduction)));
      if (d === 'invalid')
        this.report(
          'ACTUAL_INVALID',
          cellAddress(r, cols.deduction),
          `扣分「${view.text(r, cols.deduction)}」不是非负数字`,
          `Deduction "${view.text(r, cols.deduction)}" is not a number ≥ 0`,
        );
      else if (d !== 'error') {
        const taken = d === 'blank' ? new D(0) : d;
        score = D.max(0, points.minus(taken)); // above the points: 0, reported as DEDUCTION_EXCEEDS
        entry.source = 'deduction';
      }
    }
    // 3. The rule applied to the actual value.
    if (score === null && !enteredBad && entry.source === 'none' && cols.actual !== undefined) {
      if (itemRule === undefined) parsed = (itemRule = itemRuleOf(it.method, it.target))?.parsed ?? null;
      const textCol = (itemRule?.from === 'target' ? cols.target : cols.method) ?? cols.item!;
      if (!parsed) {
        entry.manual = true;
        this.report(
          'MANUAL_SCORE',
          scoreCell ?? it.cell,
          `指标「${it.name}」没有目标或计分办法，需人工评分`,
          `Item "${it.name}" has no target or method: score by hand`,
        );
      } else if (!parsed.ok) {
        entry.manual = true;
        this.report(
          'RULE_UNPARSED',
          cellAddress(r, textCol),
          `指标「${it.name}」的规则无法识别（${parsed.reason}），需人工评分`,
          `The rule of item "${it.name}" was not understood; score by hand`,
          { name: it.name },
        );
      } else {
        const outcome = evaluateRule(parsed.rule, {
          actual: actualRaw,
          points,
          target: itemRule?.target ?? null,
          settings,
        });
        if (outcome.ok) {
          // 扣分制 text on an item that has points of its own: the deduction comes off those points
          // (as an entered deduction does), not off the total as a negative item score.
          score =
            parsed.rule.deductionOnly && parsed.rule.clauses.length === 0
              ? D.max(0, points.plus(outcome.score))
              : outcome.score;
          entry.source = 'rule';
          if (outcome.triggered) entry.triggered = true;
          if (outcome.note)
            this.report(
              'RULE_CONDITION',
              cellAddress(r, textCol),
              `指标「${it.name}」${outcome.note}`,
              `Item "${it.name}": ${outcome.note}`,
            );
        } else if (outcome.code === 'MANUAL') {
          entry.manual = true;
          this.report(
            'MANUAL_SCORE',
            scoreCell ?? it.cell,
            `指标「${it.name}」：${outcome.message}`,
            `Item "${it.name}": ${outcome.messageEn}`,
          );
        } else {
          const code: FindingCode = outcome.code === 'ACTUAL_MISSING' ? 'ACTUAL_MISSING' : 'ACTUAL_INVALID';
          this.report(
            code,
            cellAddress(r, cols.actual),
            `指标「${it.name}」：${outcome.message}`,
            `Item "${it.name}": ${outcome.messageEn}`,
          );
        }
      }
    }
    // A blank 得分 where nothing else can score the item: say so at the cell (the total waits for it).
    if (
      score === null &&
      !enteredBad &&
      entry.source === 'none' &&
      cols.actual === undefined &&
      scoreCell !== null &&
      view.isEmpty(r, cols.score!)
    )
      this.report(
        'ACTUAL_MISSING',
        scoreCell,
        `指标「${it.name}」未填写得分`,
        `Item "${it.name}" has no score`,
        {
          name: it.name,
        },
      );
    // Veto events are read from the actual value even when the score is typed in.
    if ((it.veto || it.vetoExcellence) && !entry.triggered && actualRaw !== null) {
      if (itemRule === undefined) parsed = (itemRule = itemRuleOf(it.method, it.target))?.parsed ?? null;
      const occurred =
        parsed?.ok && parsed.rule.clauses.some((c) => c.kind === 'when' && c.test.kind === 'event')
          ? null
          : readOccurred(readActual(actualRaw));
      if (occurred) entry.triggered = true;
    }
    if (entry.triggered) {
      if (it.veto) this.veto = true;
      if (it.vetoExcellence) this.vetoExcellence = true;
      this.report(
        'VETO_TRIGGERED',
        vetoAt ?? (cols.actual !== undefined ? cellAddress(r, cols.actual) : it.cell),
        it.veto
          ? `指标「${it.name}」触发一票否决：考核等次为不合格`
          : `指标「${it.name}」触发一票否优：不能评为最高等次`,
        it.veto
          ? `Item "${it.name}" triggers the one-vote veto: the unit fails`
          : `Item "${it.name}" triggers the veto of excellence`,
      );
    }
    // Below 10^308 every decimal is a finite double (the exponent is read without converting).
    if (score !== null && !(score.e <= 307) && !Number.isFinite(score.toNumber())) {
      // Exact in decimal, but no cell can hold it (tiers on an amount near 1.8e308).
      this.report(
        'ACTUAL_INVALID',
        cols.actual !== undefined ? cellAddress(r, cols.actual) : it.cell,
        `指标「${it.name}」的得分超出 Excel 可表示的数值范围`,
        `The score of item "${it.name}" is beyond Excel's number range`,
      );
      score = null;
    }
    if (score === null) {
      this.unscored++;
      return;
    }
    // Rounding never lifts a score above its points (0.5 of 0.5 at decimals=0 is not 1): a written
    // score above the points would be flagged SCORE_OUT_OF_RANGE on our own output.
    const rounded =
      whole !== null
        ? score
        : score.lte(points)
          ? dmin(round(score, settings.decimals), points)
          : round(score, settings.decimals);
    entry.score = whole ?? (settings.totals === 'roundItems' ? rounded : score).toNumber();
    if (whole !== null && !this.inOrder && this.wholeSum + whole <= Number.MAX_SAFE_INTEGER)
      this.wholeSum += whole;
    else {
      if (rounded.e >= 15) this.inOrder = true;
      if (this.wholeSum !== 0) this.sum = this.sum.plus(this.wholeSum);
      this.wholeSum = 0;
      this.sum = this.sum.plus(rounded);
    }
    if (settings.totals === 'roundOnce') {
      // only read then
      this.exactSum = this.exactSum.plus(score);
      this.scoredPoints = this.scoredPoints.plus(points);
    }
  }

  /** The table's score once every item is scored. */
  result(): ScoreTableResult {
    const { t, settings, lang, detail, items, findings } = this;
    if (this.wholeSum !== 0) this.sum = this.sum.plus(this.wholeSum);
    // Rounding once must not lift the total above the points it was scored out of either.
    const gross =
      settings.totals === 'roundItems'
        ? this.sum
        : D.min(round(this.exactSum, settings.decimals), this.scoredPoints);
    const partial = D.max(0, gross.minus(this.deductions));
    const total =
      this.unscored === 0 && t.items.length > 0 && t.table.pointsUnit === 'points' ? partial : null;
    const outOf = t.table.declaredTotal ?? (t.table.sum > 0 ? t.table.sum : null);
    let band: string | null = null;
    let bandNote: string | null = null;
    if (detail && total !== null && outOf !== null && outOf > 0) {
      const b = bandOfTotal(total, outOf, settings.bands, this.veto, this.vetoExcellence);
      if (b) {
        band = b.label;
        if (b.note !== null) bandNote = BAND_NOTES[b.note][lang];
      }
    }
    return {
      score: {
        total: total === null ? null : total.toNumber(),
        partialTotal: partial.toNumber(),
        outOf,
        band,
        bandNote,
        unscored: this.unscored,
        deductions: this.deductions.toNumber(),
        items,
      },
      findings,
    };
  }
}

/** 否决 (一票否决) typed in the score cell of a 一票否决 item, 否优 (一票否优) in one of a 一票否优 item. */
function vetoWord(it: RecognisedItem['item'], text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return (it.veto && /^(一票)?否决$/.test(t)) || (it.vetoExcellence && /^(一票)?否优$/.test(t));
}

function readableActual(a: Actual): number | string | boolean | null {
  if (a === null || Array.isArray(a)) return null;
  return a as number | string | boolean;
}

export type { RecognisedItem };
