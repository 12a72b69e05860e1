'use strict';
/**
 * Custom-function metadata checks and localisation, used by the webpack build (AddinAssetsPlugin)
 * and by the tests. Pure functions over parsed JSON: no file or network access.
 *
 * functions.json is generated from the function registry (engine/functions/metadata.ts); a locale table
 * (generated from the same declarations) gives, per function id, the localised name, description
 * and parameter names/descriptions:
 *
 *   { "CELLREF": { "name": "单元格地址", "description": "…",
 *                  "parameters": { "row": { "name": "行号", "description": "…" } } } }
 *
 * Ids are never localised: Excel stores them in the workbook, so a formula typed in Chinese
 * Excel works in English Excel and back.
 */

/** Function ids: A–Z, digits, underscore and period (Excel's rule). */
const ID_PATTERN = /^[A-Z][A-Z0-9_.]*$/;
/**
 * Function names: any Unicode letter or digit, underscore and period, starting with a letter,
 * at least three characters (Excel's rule; two-character Chinese names such as "得分" are refused
 * by Excel, so write "绩效得分" or "计算得分").
 */
const NAME_PATTERN = /^\p{L}[\p{L}\p{N}_.]{2,}$/u;
/** Names that Excel would read as a cell reference (A1 … XFD1048576, R1C1). */
const CELL_REFERENCE = /^(?:[A-Z]{1,3}[0-9]{1,7}|R[0-9]*C[0-9]*)$/i;

function nameProblem(name) {
  if (typeof name !== 'string' || name === '') return 'is missing';
  if (!NAME_PATTERN.test(name))
    return 'must start with a letter and have at least 3 letters, digits, "_" or "."';
  if (CELL_REFERENCE.test(name)) return 'reads as a cell reference';
  return null;
}

/**
 * Checks generated metadata against what the add-in promises: every function has a valid id
 * and name, a description, a help URL, and a description for every parameter.
 * Returns a list of error messages (empty when all is well).
 */
function checkFunctionsMetadata(metadata) {
  const errors = [];
  const functions = metadata && Array.isArray(metadata.functions) ? metadata.functions : null;
  if (!functions) return ['functions.json has no "functions" array'];
  const ids = new Set();
  for (const f of functions) {
    const id = f && f.id;
    if (typeof id !== 'string' || !ID_PATTERN.test(id))
      errors.push(`function id ${JSON.stringify(id)} is not A–Z, 0–9, "_" or "."`);
    if (ids.has(id)) errors.push(`function id ${id} appears twice`);
    ids.add(id);
    const problem = nameProblem(f.name);
    if (problem) errors.push(`${id}: name ${JSON.stringify(f.name)} ${problem}`);
    if (typeof f.description !== 'string' || f.description.trim() === '')
      errors.push(`${id}: no description`);
    if (typeof f.helpUrl !== 'string' || f.helpUrl === '') errors.push(`${id}: no @helpurl`);
    if (f.options && f.options.volatile) errors.push(`${id}: volatile functions are not allowed`);
    for (const p of f.parameters || []) {
      if (typeof p.description !== 'string' || p.description.trim() === '') {
        errors.push(`${id}: parameter ${p.name} has no description`);
      }
    }
  }
  return errors;
}

/**
 * Applies a locale table to metadata. Returns the localised metadata and the problems found:
 * a function without a translation, a translation for a function or parameter that does not
 * exist, an invalid or duplicated localised name, a missing description.
 */
function localizeFunctionsMetadata(metadata, table, locale = 'zh-CN') {
  const errors = [];
  const functions = metadata && Array.isArray(metadata.functions) ? metadata.functions : [];
  const entries = table && typeof table === 'object' && !Array.isArray(table) ? table : {};
  const seenNames = new Map();
  const localised = functions.map((f) => {
    const t = entries[f.id];
    if (!t || typeof t !== 'object') {
      errors.push(`${locale}: no translation for ${f.id}`);
      return f;
    }
    const problem = nameProblem(t.name);
    if (problem) errors.push(`${locale}: ${f.id} name ${JSON.stringify(t.name)} ${problem}`);
    const key = typeof t.name === 'string' ? t.name.toLocaleUpperCase() : '';
    if (key && seenNames.has(key))
      errors.push(`${locale}: ${f.id} and ${seenNames.get(key)} have the same name ${t.name}`);
    seenNames.set(key, f.id);
    if (typeof t.description !== 'string' || t.description.trim() === '')
      errors.push(`${locale}: ${f.id} has no description`);
    const params = t.parameters && typeof t.parameters === 'object' ? t.parameters : {};
    const known = new Set((f.parameters || []).map((p) => p.name));
    for (const name of Object.keys(params)) {
      if (!known.has(name))
        errors.push(`${locale}: ${f.id} translates parameter ${name}, which the function does not have`);
    }
    const parameters = (f.parameters || []).map((p) => {
      const tp = params[p.name];
      if (
        !tp ||
        typeof tp.name !== 'string' ||
        tp.name === '' ||
        typeof tp.description !== 'string' ||
        tp.description === ''
      ) {
        errors.push(`${locale}: ${f.id} parameter ${p.name} needs a name and a description`);
        return p;
      }
      return { ...p, name: tp.name, description: tp.description };
    });
    const out = { ...f, name: t.name, description: t.description };
    if (f.parameters) out.parameters = parameters;
    if (typeof t.helpUrl === 'string' && t.helpUrl !== '') out.helpUrl = t.helpUrl;
    return out;
  });
  const ids = new Set(functions.map((f) => f.id));
  for (const id of Object.keys(entries)) {
    if (!ids.has(id)) errors.push(`${locale}: translation for ${id}, which is not a function`);
  }
  return { metadata: { ...metadata, functions: localised }, errors };
}

module.exports = { checkFunctionsMetadata, localizeFunctionsMetadata, ID_PATTERN, NAME_PATTERN };
