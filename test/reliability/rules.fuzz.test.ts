/**
 * Fuzzing the rule reader (parseRule / evaluateRule / renderRule): texts built from the
 * documents' wording, full-width and control-character variants, hostile actual values.
 * Properties: nothing throws; a parsed rule fits its schema and says itself back; a text the
 * reader does not understand gives a reason; scores stay within the item's bounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, evaluateRule, parseOptionText, parseRule, renderRule, RuleSchema } from '../../engine/rules';
import { actualArb, programBounds, ruleTextArb, settingsTextArb, toFullWidth, runs } from './arbitraries';

const CODES = ['ACTUAL_MISSING', 'ACTUAL_INVALID', 'ACTUAL_AMBIGUOUS', 'MANUAL', 'RULE_UNPARSED', 'ARGUMENT'];

describe('rule reader fuzz', () => {
  it('parseRule never throws; rules fit the schema, render in both languages; failures give a reason', () => {
    fc.assert(
      fc.property(ruleTextArb, (text) => {
        const p = parseRule(text);
        expect(typeof p.veto).toBe('boolean');
        if (!p.ok) {
          expect(p.reason.length).toBeGreaterThan(0);
          return;
        }
        RuleSchema().parse(p.rule);
        for (const lang of ['zh', 'en'] as const) {
          const sentence = renderRule(p.rule, lang);
          expect(sentence.length).toBeGreaterThan(0);
          expect(sentence).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
      { numRuns: runs(3000) },
    );
  });

  it('full-width text reads exactly as its half-width original (NFKC)', () => {
    fc.assert(
      fc.property(ruleTextArb, (text) => {
        expect(parseRule(toFullWidth(text))).toEqual(parseRule(text));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('evaluateRule never throws; scores are finite and within the bounds of the rule kind', () => {
    fc.assert(
      fc.property(
        ruleTextArb,
        actualArb,
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: -10, max: 500 }), { nil: null }),
        settingsTextArb,
        (text, actual, points, target, options) => {
          const p = parseRule(text);
          if (!p.ok) return;
          const settings = parseOptionText(options);
          const out = evaluateRule(p.rule, {
            actual,
            points: dec(points),
            target: target === null ? null : dec(target),
            settings,
          });
          if (!out.ok) {
            expect(CODES).toContain(out.code);
            expect(out.message.length).toBeGreaterThan(0);
            expect(out.messageEn.length).toBeGreaterThan(0);
            return;
          }
          expect(out.score.isFinite()).toBe(true);
          const [lo, hi] = programBounds(p.rule, points, settings.ratioCap);
          if (lo !== null && out.score.lt(lo)) expect.fail(`${out.score.toString()} < ${lo.toString()}`);
          if (hi !== null && out.score.gt(hi)) expect.fail(`${out.score.toString()} > ${hi.toString()}`);
        },
      ),
      { numRuns: runs(3000) },
    );
  });
});
