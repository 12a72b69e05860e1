/** PERF.SCORE as the rule tests call it: the score, or the error code and message. */
import { expect } from 'vitest';
import { functions as F } from '../../engine';

/** The item's score under `rule`, or "CODE message" when the engine gives none. */
export const score = (actual: unknown, rule: string, points: number): number | string => {
  const r = F.perfScore(actual as never, rule, points);
  return r.ok ? (r.value as number) : `${r.error} ${r.message}`;
};

/** The engine asks for a hand score (需人工评分). */
export const manual = (actual: unknown, rule: string, points: number): void => {
  expect(String(score(actual, rule, points))).toMatch(/人工/);
};
