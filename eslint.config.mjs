// Flat config: ESLint recommended + typescript-eslint recommended + prettier (formatting is prettier's job).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * Import direction (README, "Layout"): taskpane → addin → engine, cli → xlsx → engine. The engine
 * imports nothing outside engine/ (and no Node built-in: it is pure); xlsx nothing from cli, addin
 * or taskpane; cli nothing from addin or taskpane; addin nothing from taskpane; bench no test code.
 * Relative specifiers are resolved against the importing file; packages are not restricted here.
 */
const FORBIDDEN = {
  engine: { folders: ['xlsx', 'cli', 'addin', 'taskpane', 'bench', 'test', 'scripts'], builtins: true },
  xlsx: { folders: ['cli', 'addin', 'taskpane', 'bench', 'test', 'scripts'] },
  cli: { folders: ['addin', 'taskpane', 'bench', 'test', 'scripts'] },
  addin: { folders: ['taskpane', 'cli', 'bench', 'test', 'scripts'] },
  bench: { folders: ['test'] },
};

const importDirection = {
  meta: {
    type: 'problem',
    messages: {
      folder:
        '{{from}}/ must not import {{to}}/ (import direction: taskpane → addin → engine, cli → xlsx → engine).',
      builtin: 'engine/ is pure: no Node built-in ({{name}}).',
    },
    schema: [],
  },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const from = file.split('/')[0];
    const rule = FORBIDDEN[from];
    if (!rule || file.startsWith('..')) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      if (spec.startsWith('.')) {
        const target = path.relative(ROOT, path.resolve(path.dirname(context.filename), spec));
        const to = target.split(path.sep)[0];
        if (rule.folders.includes(to)) context.report({ node, messageId: 'folder', data: { from, to } });
      } else if (rule.builtins && (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]))) {
        context.report({ node, messageId: 'builtin', data: { name: spec } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
    };
  },
};

const ONLY_ZOD_MODULE = { name: 'zod', message: 'Import { z } from engine/zod.ts (zod without its JIT).' };
const ONLY_PARSER_MODULE = {
  name: 'fast-formula-parser',
  message: 'Only cli/recalc/parser.ts uses fast-formula-parser (README: what replaces it if it breaks).',
};

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'test-artifacts/', 'examples/*.xlsx'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Cell text is rendered as text: no HTML injection sinks anywhere (issue 7).
    files: ['**/*.ts', '**/*.tsx'],
    // no-implied-eval only sees setTimeout("…") when it knows these are globals.
    languageOptions: {
      globals: {
        setTimeout: 'readonly',
        setInterval: 'readonly',
        window: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render cell text as text: no dangerouslySetInnerHTML.',
        },
        {
          selector: 'AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render cell text as text (textContent), not innerHTML/outerHTML.',
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/][callee.object.name='document'], CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'No HTML strings into the page.',
        },
      ],
    },
  },
  {
    // The engine, the workbook reader, the add-in and the pane log nothing: cell content (names of
    // 责任人) goes only into the results and the workbook the user asked for. The CLI writes
    // through its Io streams.
    files: [
      'engine/**/*.ts',
      'xlsx/**/*.ts',
      'cli/**/*.ts',
      'addin/excel/**/*.ts',
      'addin/functions/**/*.ts',
      'taskpane/**/*.ts',
      'taskpane/**/*.tsx',
    ],
    rules: { 'no-console': 'error' },
  },
  {
    // zod only through engine/zod.ts, which turns its JIT (new Function) off before any schema exists.
    // fast-formula-parser only through cli/recalc/parser.ts, so that replacing it is one module.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['engine/zod.ts', 'cli/recalc/parser.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ONLY_ZOD_MODULE, ONLY_PARSER_MODULE] }] },
  },
  {
    files: ['engine/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ONLY_PARSER_MODULE] }] },
  },
  {
    files: ['cli/recalc/parser.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ONLY_ZOD_MODULE] }] },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { perf: { rules: { 'import-direction': importDirection } } },
    rules: { 'perf/import-direction': 'error' },
  },
  {
    // Office.js code: the office-addins rules (sync discipline, loads, null objects).
    files: ['addin/**/*.ts', 'addin/**/*.tsx', 'taskpane/**/*.ts', 'taskpane/**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // The launcher and other plain Node scripts are CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
