/**
 * What severities and finding codes are called in a sheet a clerk or reviewer prints (the 校验报告
 * sheet of the pane, the 问题 sheet of the reviewer's 汇总); the codes themselves are for programs.
 */
import type { FindingCode, Severity } from './model';

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const CODE_NAMES: Record<FindingCode, string> = {
  POINTS_SUM_MISMATCH: '分值合计不符',
  POINTS_MISSING: '缺少分值',
  POINTS_INVALID: '分值不是数字',
  OWNER_MISSING: '缺少责任单位',
  PERSON_MISSING: '缺少责任人',
  DIRECTION_INVALID: '指标方向有误',
  STANDARD_MISSING: '缺少评分标准',
  TARGET_MISSING: '缺少目标值',
  DUPLICATE_ITEM: '指标名称重复',
  CELL_ERROR: '单元格错误值',
  NUMBER_AS_TEXT: '数字存为文本',
  HIDDEN_ROW: '隐藏行',
  MIN_ROWS: '行数不足',
  SCORE_OUT_OF_RANGE: '得分超出范围',
  DEDUCTION_EXCEEDS: '扣分超过分值',
  HIDDEN_COLUMN: '隐藏列',
  NAME_MISSING: '缺少指标名称',
  VALUE_MISSING: '缺少分配参数',
  TABLE_EMPTY: '表格没有指标行',
  NO_TABLE: '未识别到指标表',
  RULE_UNPARSED: '评分规则未能识别',
  MANUAL_SCORE: '需人工评分',
  ACTUAL_MISSING: '待填完成情况',
  ACTUAL_INVALID: '完成情况无法识别',
  RULE_CONDITION: '规则有附加条件',
  VETO_TRIGGERED: '触发一票否决',
  TEMPLATE_ITEM_ADDED: '模板外新增指标',
  TEMPLATE_ITEM_REMOVED: '删除模板指标',
  TEMPLATE_POINTS_CHANGED: '改动模板分值',
  TEMPLATE_TARGET_CHANGED: '改动目标或计分办法',
  TEMPLATE_FORMULA_REPLACED: '模板公式被改为数值',
};
