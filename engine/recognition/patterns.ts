/** The row patterns recognition reads: section rows, notes, totals, unit lines, annex lines. */

export const SECTION_ROW =
  /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）]|第[一二三四五六七八九十]+[部分章节篇])/;
export const NOTE_ROW = /^\s*(?:注|備注|备注|说明)\s*[:：\d]/;
export const TOTALS = new Set(['合计', '总计', '总分', '合计得分', '总计得分']);
export const SUBTOTAL = new Set(['小计']);
export const UNIT_LINE = /填报单位|主管部门|单位名称|被考核单位|考核单位[:：]/;
export const ANNEX = /^\s*附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*$/;
export const MAX_TITLE_DISTANCE = 6;
