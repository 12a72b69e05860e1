/**
 * The short texts a native formula shows where the engine gives no number (one place for each),
 * by the engine's outcome code.
 */
import type { ScoreErrorCode } from '../rules/types';

export const NATIVE_TEXT = {
  /** The engine asks for a hand score (judgement, a qualitative target, a value in no band…). */
  MANUAL: '需人工评分',
  /** No actual value. */
  ACTUAL_MISSING: '缺少完成情况',
  /** A bare 80 against a percent condition. */
  ACTUAL_AMBIGUOUS: '完成情况有歧义',
  /** Not a number where one is needed, a negative count… */
  ACTUAL_INVALID: '完成情况无效',
  /** A per-step rule with no bound and no target. */
  ARGUMENT: '缺少目标值',
  RULE_UNPARSED: '规则无法识别，需人工评分',
  /**
   * The formula cannot read this actual the way the engine does (a form of text it does not
   * parse): never a guessed number.
   */
  UNREAD: '完成情况无法识别，需人工评分',
  /** The actual cell holds an error value. */
  ERROR_VALUE: '完成情况为错误值',
  POINTS: '分值无效',
  TARGET: '目标值无效',
  /** A band the formula cannot decide: a 一票否决 item's actual says neither that it happened nor not. */
  VETO_UNREAD: '一票否决项情况无法识别，需人工评定等次',
} as const satisfies Record<
  ScoreErrorCode | 'UNREAD' | 'ERROR_VALUE' | 'POINTS' | 'TARGET' | 'VETO_UNREAD',
  string
>;

export type NativeTextCode = keyof typeof NATIVE_TEXT;
