/// <reference types="custom-functions-runtime" />
/**
 * The PERF custom functions: thin wrappers over the engine's pure implementations
 * (engine/functions.ts). Arguments are converted the way Excel delivers them (args.ts) and results
 * and errors become cell values (result.ts); nothing else happens here.
 *
 * The JSDoc below is the source of functions.json (custom-functions-metadata-plugin); the Chinese
 * names and descriptions are in locale-zh-cn.json; `FUNCTIONS` is what gets associated, so the
 * metadata ids and the code cannot drift apart unnoticed (test/addin/functions.test.ts).
 *
 * Parameter types: every parameter is `any` to Excel (`unknown` here), so text such as "10分" or
 * "76.5%" reaches the engine as typed. A parameter that takes a range is a matrix (`unknown[][]`):
 * a single cell or a literal then arrives as [[v]]. The others take one value each.
 *
 * All functions are synchronous, not volatile, without side effects, and never throw: errors are
 * returned as #VALUE! / #N/A with a Chinese message.
 */
import {
  perfAllocate,
  perfBand,
  perfEfficacy,
  perfForced,
  perfProgress,
  perfRankScore,
  perfRule,
  perfScore,
  perfTiered,
} from '../../engine/functions';
import { actual as actualArg, cell, cells, optionalNumber, optionalText } from './args';
import { excelColumn, excelValue } from './result';

/**
 * Score of one indicator item by the rule written in its target or method cell, e.g. =PERF.SCORE(F6, D6, E6).
 * @customfunction SCORE
 * @helpurl https://localhost:3000/help/index.html#score
 * @param actual Actual value (完成情况): a number, a percent (80% arrives as 0.8) or text such as "76.5%" or "满意"; a range, in the rule's order, when the rule has several conditions. Older Excel builds pass an empty cell as 0.
 * @param rule Text of the target or scoring-method cell, e.g. "满意率80%以上，每低一个百分点扣1分".
 * @param points Points (分值) of the item: the most it can score.
 * @param [target] Target value replacing the number in the rule text, e.g. 90% or 400; empty or 0 means the rule's own number.
 * @param [options] Settings as text, e.g. "partial=floor;cap=1.2;decimals=2" (partial=proportional|floor|ceil, cap=ratio cap, thresholds=split|all).
 * @returns The score, exact unless options set decimals.
 */
export function itemScore(
  actual: unknown[][],
  rule: unknown,
  points: unknown,
  target?: unknown,
  options?: unknown,
): number {
  return excelValue(() =>
    perfScore(
      actualArg(actual),
      cell(rule, '规则'),
      cell(points, '分值'),
      optionalNumber(target, '目标值'),
      optionalText(options, '选项'),
    ),
  );
}

/**
 * Band (等次) of a score, by default 90 优秀, 80 良好, 60 合格, below 不合格.
 * @customfunction BAND
 * @helpurl https://localhost:3000/help/index.html#band
 * @param score Score (得分), e.g. a total out of 100.
 * @param [scheme] Lower bound and label of each band, e.g. "85:好,70:较好,60:一般,0:较差"; empty means "90:优秀,80:良好,60:合格,0:不合格".
 * @returns The band, e.g. "良好".
 */
export function band(score: unknown, scheme?: unknown): string {
  return excelValue(() => perfBand(cell(score, '得分'), optionalText(scheme, '等次方案')));
}

/**
 * Band of one unit under forced distribution (强制分布): by rank among all scores, with quotas such as 20% 优秀, 60% 良好, 20% 一般.
 * @customfunction FORCED
 * @helpurl https://localhost:3000/help/index.html#forced
 * @param score This unit's score; it must be one of the scores.
 * @param scores Scores of all units (a range); empty cells and text are skipped.
 * @param [quotas] Quotas in percent, best band first; empty means "20/60/20". May add ";rounding=floor|halfUp|largestRemainder;ties=higher|lower".
 * @param [labels] Band names, best first, as many as quotas; empty means "优秀/良好/一般".
 * @returns The band, e.g. "优秀".
 */
export function forcedBand(score: unknown, scores: unknown[][], quotas?: unknown, labels?: unknown): string {
  return excelValue(() =>
    perfForced(
      cell(score, '得分'),
      cells(scores, '得分范围'),
      optionalText(quotas, '比例'),
      optionalText(labels, '等次名称'),
    ),
  );
}

/**
 * Points left after a rank deduction (排序扣分), e.g. rule "排序前5位不扣分，第6位扣0.25分，随后排序每后移一位加扣0.25分".
 * @customfunction RANKSCORE
 * @helpurl https://localhost:3000/help/index.html#rankscore
 * @param rank Rank (名次): a whole number, 1 for first.
 * @param rule Text of the rank-deduction rule.
 * @param points Points (分值) of the item: the score of a rank without deduction.
 * @returns Points minus the deduction, never below 0.
 */
export function rankScore(rank: unknown, rule: unknown, points: unknown): number {
  return excelValue(() => perfRankScore(cell(rank, '名次'), cell(rule, '规则'), cell(points, '分值')));
}

/**
 * Marginal tiers (超额累进): each rate applies to the part of the amount inside its bracket; 90 with brackets from 67.7, 75, 83.3 at 9%, 11%, 13% gives 2.441.
 * @customfunction TIERED
 * @helpurl https://localhost:3000/help/index.html#tiered
 * @param amount Amount achieved (完成额), in the unit of the thresholds, e.g. 万元.
 * @param thresholds Lower bound of each bracket, increasing (a range or an array such as {67.7,75,83.3}); the last bracket has no upper bound.
 * @param rates Rate of each bracket, 9% or 0.09 (a range or an array), as many as thresholds.
 * @returns The sum of rate × part of the amount in each bracket, in the unit of the amount.
 */
export function tiered(amount: unknown, thresholds: unknown[][], rates: unknown[][]): number {
  return excelValue(() => perfTiered(cell(amount, '金额'), cells(thresholds, '起点'), cells(rates, '比例')));
}

/**
 * Progress score (进步分): points × (actual − last year) / (target − last year), kept between 0 and points.
 * @customfunction PROGRESS
 * @helpurl https://localhost:3000/help/index.html#progress
 * @param actual This year's actual value.
 * @param last Last year's value (上年值), in the same unit.
 * @param target Target value (目标值), in the same unit; it must differ from last year's.
 * @param points Points (分值) of the progress item, e.g. 10.
 * @param [direction] "+" when higher is better, "-" when lower is better: checked against target and last year; empty means not checked.
 * @returns The progress score, 0 to points.
 */
export function progress(
  actual: unknown,
  last: unknown,
  target: unknown,
  points: unknown,
  direction?: unknown,
): number {
  return excelValue(() =>
    perfProgress(
      cell(actual, '实际值'),
      cell(last, '上年值'),
      cell(target, '目标值'),
      cell(points, '分值'),
      optionalText(direction, '方向'),
    ),
  );
}

/**
 * Efficacy coefficient score (功效系数法): (60 + 40 × (actual − worst) / (best − worst)) × points / 100, the actual kept between worst and best.
 * @customfunction EFFICACY
 * @helpurl https://localhost:3000/help/index.html#efficacy
 * @param actual Actual value.
 * @param worst Not-allowed value (不允许值), in the unit of actual: scores 60% of the points.
 * @param best Satisfactory value (满意值), in the unit of actual: scores full points.
 * @param [points] Points (分值) of the item; empty or 0 means 100, i.e. the coefficient score itself (60 to 100).
 * @returns The score, 60% to 100% of the points.
 */
export function efficacy(actual: unknown, worst: unknown, best: unknown, points?: unknown): number {
  return excelValue(() =>
    perfEfficacy(
      cell(actual, '实际值'),
      cell(worst, '不允许值'),
      cell(best, '满意值'),
      optionalNumber(points, '分值'),
    ),
  );
}

/**
 * Splits a pool by coefficient × head count (系数分配), to the cent, by largest remainder so the parts add up to the pool. The result is a column that spills.
 * @customfunction ALLOCATE
 * @helpurl https://localhost:3000/help/index.html#allocate
 * @param coefficients Coefficient (系数) of each department or person (a range).
 * @param counts Head count (人数) of each row (a range of the same size); 1 for individuals.
 * @param pool Amount to split (总额), in yuan, in whole cents, e.g. =ROUND(E1*30%, 2).
 * @returns One amount per row, in yuan, as a column.
 */
export function allocate(coefficients: unknown[][], counts: unknown[][], pool: unknown): number[][] {
  return excelColumn(() =>
    perfAllocate(cells(coefficients, '系数'), cells(counts, '人数'), cell(pool, '总额')),
  );
}

/**
 * How a rule text is understood: a short canonical Chinese sentence, or #N/A when it cannot be read (score by hand).
 * @customfunction RULE
 * @helpurl https://localhost:3000/help/index.html#rule
 * @param rule Text of a target or scoring-method cell.
 * @returns The sentence, e.g. "执行率≥80%得满分，否则不得分".
 */
export function ruleSentence(rule: unknown): string {
  return excelValue(() => perfRule(cell(rule, '规则')));
}

/** id in functions.json → implementation. */
export const FUNCTIONS = {
  SCORE: itemScore,
  BAND: band,
  FORCED: forcedBand,
  RANKSCORE: rankScore,
  TIERED: tiered,
  PROGRESS: progress,
  EFFICACY: efficacy,
  ALLOCATE: allocate,
  RULE: ruleSentence,
} as const;

// Outside Excel (a plain browser opening taskpane.html) there is no CustomFunctions runtime.
if (typeof CustomFunctions !== 'undefined') CustomFunctions.associate(FUNCTIONS);
