/**
 * What the build generates from the function declarations: functions.json (Office's custom
 * function metadata, in its key order), the zh-CN locale table the build localises it with, and
 * the help page's function list and sections. Pure string and object building.
 */
import { FUNCTIONS } from './index';
import { isOptional, type FunctionSpec, type ParamSpec } from './spec';

interface ParamMetadata {
  description: string;
  dimensionality?: 'matrix';
  name: string;
  optional?: true;
  type: 'any';
}

export interface FunctionMetadata {
  description: string;
  helpUrl: string;
  id: string;
  name: string;
  parameters: ParamMetadata[];
  result: { dimensionality?: 'matrix'; type: 'number' | 'string' };
}

export interface FunctionsJson {
  /** Cell value objects (data types) reach the functions; args.ts reads their basicValue. */
  allowCustomDataForDataTypeAny: true;
  functions: FunctionMetadata[];
}

/** The help section of a function: its id in lower case. */
export function helpAnchor(spec: FunctionSpec): string {
  return spec.id.toLowerCase();
}

/**
 * functions.json. Every parameter is `any` to Excel, so text such as "10分" or "76.5%" reaches the
 * engine as typed; a range parameter is a matrix. `helpPage` is the help page's URL (the build
 * rewrites the development host for a deployment).
 */
export function functionsJson(helpPage: string): FunctionsJson {
  return {
    allowCustomDataForDataTypeAny: true,
    functions: FUNCTIONS.map((f) => ({
      description: f.description.en,
      helpUrl: `${helpPage}#${helpAnchor(f)}`,
      id: f.id,
      name: f.id,
      parameters: f.params.map((p) => ({
        description: p.description.en,
        ...(p.shape === 'value' ? {} : { dimensionality: 'matrix' as const }),
        name: p.name,
        ...(isOptional(p) ? { optional: true as const } : {}),
        type: 'any' as const,
      })),
      result: { ...(f.result.matrix ? { dimensionality: 'matrix' as const } : {}), type: f.result.type },
    })),
  };
}

export interface LocaleEntry {
  name: string;
  description: string;
  parameters: Record<string, { name: string; description: string }>;
}

/** The zh-CN locale table (function id → Chinese name, description, parameters). */
export function zhLocaleTable(): Record<string, LocaleEntry> {
  const out: Record<string, LocaleEntry> = {};
  for (const f of FUNCTIONS) {
    out[f.id] = {
      name: f.zh,
      description: f.description.zh,
      parameters: Object.fromEntries(
        f.params.map((p) => [p.name, { name: p.zh, description: p.description.zh }]),
      ),
    };
  }
  return out;
}

function signature(f: FunctionSpec): string {
  const params = f.params.map((p: ParamSpec) => (isOptional(p) ? `[${p.zh}]` : p.zh));
  return `PERF.${f.zh} · PERF.${f.id}(${params.join(', ')})`;
}

/** The help page's table of functions. */
export function helpFunctionList(): string {
  const rows = FUNCTIONS.map(
    (f) =>
      `      <tr>\n        <td><a href="#${helpAnchor(f)}">PERF.${f.zh}</a></td>\n        <td>PERF.${f.id}</td>\n        <td>${f.summary}</td>\n      </tr>\n`,
  );
  return (
    '    <table>\n      <tr>\n        <th>中文名</th>\n        <th>英文名</th>\n        <th>作用</th>\n      </tr>\n' +
    rows.join('') +
    '    </table>\n'
  );
}

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The parameter table of a function's help section, from its declaration: the Chinese and
 * English names and the Chinese description (the text Chinese Excel shows for the parameter).
 */
export function helpParameterTable(f: FunctionSpec): string {
  const rows = f.params.map(
    (p) =>
      `        <tr>\n          <td>${p.zh} (${p.name})</td>\n          <td>${escapeHtml(p.description.zh)}</td>\n        </tr>\n`,
  );
  return (
    '      <table>\n        <tr>\n          <th>参数</th>\n          <th>说明</th>\n        </tr>\n' +
    rows.join('') +
    '      </table>\n'
  );
}

/**
 * The help page's section of every function: generated heading, the function's own introduction,
 * the parameter table generated from its declaration, then its examples.
 */
export function helpFunctionSections(): string {
  const body = (html: string) => html.replace(/^\n/, '');
  return FUNCTIONS.map(
    (f) =>
      `    <section id="${helpAnchor(f)}">\n      <h3>${signature(f)}</h3>\n` +
      body(f.help.about) +
      helpParameterTable(f) +
      body(f.help.more) +
      '    </section>\n',
  ).join('\n');
}

/** The help page from its template (addin/help/index.html), with the function list and sections. */
export function renderHelpPage(template: string): string {
  return template
    .replace(/^ *<!-- PERF functions: list[^\n]*-->\n/m, () => helpFunctionList())
    .replace(/^ *<!-- PERF functions: sections[^\n]*-->\n/m, () => helpFunctionSections());
}
