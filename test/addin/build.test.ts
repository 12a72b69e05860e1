/** The add-in's build helpers: metadata checks and localisation, host rewriting, icons. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { functionsJson, zhLocaleTable } from '../../engine/functions/metadata';

const ROOT = resolve(__dirname, '../..');
const requireCjs = createRequire(__filename);

interface Param {
  name: string;
  description: string;
  type?: string;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters?: Param[];
  options?: { volatile?: boolean };
}
interface Metadata {
  functions: Fn[];
}
type Table = Record<
  string,
  { name?: string; description?: string; parameters?: Record<string, Partial<Param>> }
>;

const { checkFunctionsMetadata, localizeFunctionsMetadata } = requireCjs('../../addin/build/localize.js') as {
  checkFunctionsMetadata(m: Metadata): string[];
  localizeFunctionsMetadata(m: Metadata, t: Table, locale?: string): { metadata: Metadata; errors: string[] };
};
const { normaliseHost, resolveAddinHost, rewriteHost, DEV_HOST } = requireCjs(
  '../../addin/build/host.js',
) as {
  normaliseHost(h: string): string;
  resolveAddinHost(env: string | undefined, pkg: unknown): string;
  rewriteHost(text: string, from: string, to: string): string;
  DEV_HOST: string;
};
const { isNodeBuiltin } = requireCjs('../../addin/build/addin-assets-plugin.js') as {
  isNodeBuiltin(request: string): boolean;
};
const { render, SIZES } = requireCjs('../../addin/build/make-icons.js') as {
  render(size: number): Buffer;
  SIZES: number[];
};

// Test data standing in for the real function list, which arrives with the scoring functions.
const sample: Metadata = {
  functions: [
    {
      id: 'SCORE',
      name: 'SCORE',
      description: 'Score of an item by its rule.',
      helpUrl: 'https://localhost:3000/help/index.html#score',
      parameters: [
        { name: 'points', description: 'Points of the item.', type: 'number' },
        { name: 'actual', description: 'Actual value.', type: 'any' },
      ],
    },
    {
      id: 'BAND',
      name: 'BAND',
      description: 'Band of a total score.',
      helpUrl: 'https://localhost:3000/help/index.html#band',
      parameters: [{ name: 'total', description: 'Total score.', type: 'number' }],
    },
  ],
};
const sampleTable: Table = {
  SCORE: {
    name: '绩效得分',
    description: '按计分规则计算一项指标的得分。',
    parameters: {
      points: { name: '分值', description: '该项指标的分值。' },
      actual: { name: '完成值', description: '实际完成情况。' },
    },
  },
  BAND: {
    name: '考核等次',
    description: '由总分得到等次。',
    parameters: { total: { name: '总分', description: '考核总分。' } },
  },
};

describe('localizeFunctionsMetadata', () => {
  it('replaces names and descriptions and keeps ids, types and help URLs', () => {
    const { metadata, errors } = localizeFunctionsMetadata(sample, sampleTable);
    expect(errors).toEqual([]);
    expect(metadata.functions[0]).toEqual({
      id: 'SCORE',
      name: '绩效得分',
      description: '按计分规则计算一项指标的得分。',
      helpUrl: 'https://localhost:3000/help/index.html#score',
      parameters: [
        { name: '分值', description: '该项指标的分值。', type: 'number' },
        { name: '完成值', description: '实际完成情况。', type: 'any' },
      ],
    });
    expect(metadata.functions.map((f) => f.id)).toEqual(['SCORE', 'BAND']);
  });

  it('reports missing and stale translations', () => {
    const table: Table = { SCORE: sampleTable.SCORE ?? {}, RANK: { name: '排名次序', description: '…' } };
    const { errors } = localizeFunctionsMetadata(sample, table);
    expect(errors).toEqual([
      'zh-CN: no translation for BAND',
      'zh-CN: translation for RANK, which is not a function',
    ]);
  });

  it('refuses names Excel refuses: under three characters, not starting with a letter, cell references', () => {
    const bad = (name: string): string[] =>
      localizeFunctionsMetadata(sample, { ...sampleTable, BAND: { ...sampleTable.BAND, name } }).errors;
    expect(bad('等次')).toHaveLength(1); // two characters
    expect(bad('1等次')).toHaveLength(1);
    expect(bad('等 次 名')).toHaveLength(1);
    expect(bad('AB12')).toHaveLength(1); // a cell address
    expect(bad('绩效.等次')).toEqual([]);
  });

  it('reports duplicated names and parameters that do not match', () => {
    const table: Table = {
      SCORE: {
        ...sampleTable.SCORE,
        parameters: {
          points: { name: '分值', description: '分值。' },
          weight: { name: '权重', description: '…' },
        },
      },
      BAND: { ...sampleTable.BAND, name: '绩效得分' },
    };
    const { errors } = localizeFunctionsMetadata(sample, table);
    expect(errors).toEqual([
      'zh-CN: SCORE translates parameter weight, which the function does not have',
      'zh-CN: SCORE parameter actual needs a name and a description',
      'zh-CN: BAND and SCORE have the same name 绩效得分',
    ]);
  });

  it('localises the real functions with the table generated from their declarations', () => {
    const real = functionsJson('https://localhost:3000/help/index.html') as Metadata;
    expect(real.functions.length).toBeGreaterThan(0);
    expect(checkFunctionsMetadata(real)).toEqual([]);
    expect(localizeFunctionsMetadata(real, zhLocaleTable() as Table).errors).toEqual([]);
  });
});

describe('checkFunctionsMetadata', () => {
  it('accepts documented functions', () => {
    expect(checkFunctionsMetadata(sample)).toEqual([]);
  });

  it('wants a description, a help URL, parameter docs, a valid id and no volatile function', () => {
    const f: Fn = {
      id: 'bad id',
      name: 'X1',
      description: '',
      parameters: [{ name: 'a', description: '' }],
      options: { volatile: true },
    };
    expect(checkFunctionsMetadata({ functions: [f] })).toEqual([
      'function id "bad id" is not A–Z, 0–9, "_" or "."',
      'bad id: name "X1" must start with a letter and have at least 3 letters, digits, "_" or "."',
      'bad id: no description',
      'bad id: no @helpurl',
      'bad id: volatile functions are not allowed',
      'bad id: parameter a has no description',
    ]);
  });
});

describe('deployment host', () => {
  it('takes ADDIN_HOST first, then package.json config.addin_host, then the dev host', () => {
    const pkg = { config: { addin_host: 'https://intranet.example/addin' } };
    expect(resolveAddinHost('https://a.example/x/', pkg)).toBe('https://a.example/x/');
    expect(resolveAddinHost(undefined, pkg)).toBe('https://intranet.example/addin/');
    expect(resolveAddinHost('  ', {})).toBe(DEV_HOST);
  });

  it('accepts https hosts only', () => {
    expect(() => normaliseHost('http://intranet.example/')).toThrow(/https/);
    expect(() => normaliseHost('intranet.example')).toThrow();
    expect(() => normaliseHost('https://intranet.example/?x=1')).toThrow();
    expect(normaliseHost('https://intranet.example')).toBe('https://intranet.example/');
  });

  it('rewrites every occurrence of the dev host', () => {
    expect(
      rewriteHost('a https://localhost:3000/x b https://localhost:3000/y', DEV_HOST, 'https://h/p/'),
    ).toBe('a https://h/p/x b https://h/p/y');
  });
});

describe('browser bundles', () => {
  it('recognises Node built-in module requests', () => {
    for (const r of ['fs', 'node:fs', 'path/posix', 'stream/web', 'child_process'])
      expect(isNodeBuiltin(r)).toBe(true);
    for (const r of ['zod', 'decimal.js', './grid', '../../engine/address'])
      expect(isNodeBuiltin(r)).toBe(false);
  });
});

describe('icons', () => {
  it('the committed PNGs are what make-icons.js draws', () => {
    for (const size of SIZES) {
      const png = readFileSync(join(ROOT, `assets/icon-${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      const idatLength = png.readUInt32BE(33);
      expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT');
      const raw = inflateSync(png.subarray(41, 41 + idatLength));
      const pixels = Buffer.concat(
        Array.from({ length: size }, (_, y) =>
          raw.subarray(y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1)),
        ),
      );
      expect(pixels.equals(render(size))).toBe(true);
    }
  });
});
