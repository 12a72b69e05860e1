/**
 * Offline checks of manifest.xml and the add-in build (the official validator,
 * `npm run validate`, needs the network), on the production build with a deployment host
 * (harness/build.ts, shared with the browser tests).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { builtFiles, DEPLOY_HOST, productionBuild, ROOT, type Build } from '../../harness/build';
import { MIN_EXCEL_API } from '../../addin/excel/requirements';

// Excel's CustomFunctions runtime, reduced to recording what functions.ts associates.
const associated = vi.hoisted(() => {
  const ids: string[] = [];
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
    associate: (mappings: Record<string, unknown>) => ids.push(...Object.keys(mappings)),
    Error: class extends Error {},
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  };
  return ids;
});

import { FUNCTIONS } from '../../addin/functions/functions';

const DEV_HOST = 'https://localhost:3000/';

// ── a small element tree over fast-xml-parser's ordered output ─────────────────────────────

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElements(nodes: Ordered[]): El[] {
  const out: El[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name === '#comment' || name.startsWith('?')) continue;
    const kids = (node[name] as Ordered[]) ?? [];
    out.push({
      name,
      attrs: node[':@'] ?? {},
      children: toElements(kids),
      text: kids
        .filter((k) => '#text' in k)
        .map((k) => String(k['#text']))
        .join(''),
    });
  }
  return out;
}

function parseXml(text: string): El {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    commentPropName: '#comment',
    parseAttributeValue: false,
    parseTagValue: false,
  });
  const root = toElements(parser.parse(text) as Ordered[])[0];
  if (!root) throw new Error('no root element');
  return root;
}

function all(el: El): El[] {
  return [el, ...el.children.flatMap(all)];
}

function child(el: El, name: string): El {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}

function path(el: El, ...names: string[]): El {
  return names.reduce(child, el);
}

// ── the build ──────────────────────────────────────────────────────────────────────────────

let outDir = '';
let stats: Build['stats'];
let built: string[] = [];

beforeAll(async () => {
  const build = await productionBuild();
  outDir = build.dir;
  stats = build.stats;
  built = builtFiles(outDir);
}, 600_000);

const source = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const manifest = parseXml(source);
const resources = path(manifest, 'VersionOverrides', 'Resources');

describe('webpack build', () => {
  it('succeeds without errors or warnings', () => {
    expect(stats.errors ?? []).toEqual([]);
    expect(stats.warnings ?? []).toEqual([]);
  });

  it('produces the bundles, both function metadata files, the help page, icons and the manifest', () => {
    for (const f of [
      'taskpane.html',
      'taskpane.js',
      'functions.js',
      'functions.json',
      'functions-zh-cn.json',
      'help/index.html',
      'manifest.xml',
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
    ]) {
      expect(built).toContain(f);
    }
  });

  it('loads the functions bundle into the task pane page (shared runtime) after office.js', () => {
    const html = readFileSync(join(outDir, 'taskpane.html'), 'utf8');
    const office = html.indexOf('appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(office).toBeGreaterThan(0);
    expect(html.search(/src="?functions\.js/)).toBeGreaterThan(office);
    expect(html.search(/src="?taskpane\.js/)).toBeGreaterThan(office);
  });

  it('pulls no Node built-in modules into the browser bundles', () => {
    const names = stats.modules;
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => /^node:|node-libs-browser|\(ignored\)|^external /.test(n))).toEqual([]);
    for (const bundle of ['functions.js', 'taskpane.js']) {
      const js = readFileSync(join(outDir, bundle), 'utf8');
      expect(js).not.toMatch(/require\(["'](node:)?(fs|path|os|child_process|crypto)["']\)/);
    }
  });

  it('rewrites the development host to the deployment host in the manifest and the metadata', () => {
    for (const f of ['manifest.xml', 'functions.json', 'functions-zh-cn.json']) {
      const text = readFileSync(join(outDir, f), 'utf8');
      expect(text).not.toContain('https://localhost');
      expect(text).toContain(DEPLOY_HOST);
    }
    const deployed = parseXml(readFileSync(join(outDir, 'manifest.xml'), 'utf8'));
    expect(path(deployed, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(
      `${DEPLOY_HOST}taskpane.html`,
    );
  });
});

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(source)).toBe(true);
  });

  it('is a task pane add-in for Excel with ReadWriteDocument permission only', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(path(manifest, 'Hosts', 'Host').attrs.Name).toBe('Workbook');
    expect(child(manifest, 'Permissions').text).toBe('ReadWriteDocument');
    expect(child(manifest, 'Id').text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('has the top-level elements in the order the schema requires', () => {
    const order = [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'AllowSnapshot',
      'VersionOverrides',
    ];
    const names = manifest.children.map((c) => c.name);
    expect(names.every((n) => order.includes(n))).toBe(true);
    expect(names).toEqual(order.filter((n) => names.includes(n)));
    for (const required of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'DefaultSettings',
      'Permissions',
    ]) {
      expect(names).toContain(required);
    }
  });

  it('has the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(child(manifest, 'Version').text).toBe(`${pkg.version}.0`);
  });

  it('is Chinese by default with English overrides, and never overrides the default locale', () => {
    expect(child(manifest, 'DefaultLocale').text).toBe('zh-CN');
    for (const name of ['DisplayName', 'Description']) {
      const el = child(manifest, name);
      expect(el.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      expect(el.children.map((o) => o.attrs.Locale)).toEqual(['en-US']);
    }
    const overrides = all(manifest).filter((e) => e.name === 'Override' || e.name === 'bt:Override');
    expect(overrides.length).toBeGreaterThan(0);
    for (const o of overrides) expect(o.attrs.Locale?.toLowerCase()).not.toBe('zh-cn');
  });

  it('asks only for the ExcelApi minimum of the adapter to activate, so the task pane loads on Excel 2016', () => {
    const sets = path(manifest, 'Requirements', 'Sets').children.map((s) => [
      s.attrs.Name,
      s.attrs.MinVersion,
    ]);
    expect(MIN_EXCEL_API).toBe('1.1'); // volume-licensed Excel 2016 has ExcelApi 1.1 only
    expect(sets).toEqual([['ExcelApi', MIN_EXCEL_API]]);
  });

  it('asks for the shared runtime and custom functions on the overrides that need them', () => {
    const overrides = child(manifest, 'VersionOverrides');
    // The schema's order: Description?, Requirements?, Hosts, Resources.
    expect(overrides.children.map((c) => c.name)).toEqual(['Requirements', 'Hosts', 'Resources']);
    const sets = path(overrides, 'Requirements', 'bt:Sets');
    expect(sets.attrs.DefaultMinVersion).toBe('1.1');
    expect(sets.children.map((s) => [s.name, s.attrs.Name, s.attrs.MinVersion])).toEqual([
      ['bt:Set', 'SharedRuntime', '1.1'],
      ['bt:Set', 'CustomFunctionsRuntime', '1.2'],
    ]);
    // Everything that needs them is inside the overrides: without them Office uses the base
    // manifest, a plain task pane at the same page.
    const host = path(overrides, 'Hosts', 'Host');
    expect(all(host).some((e) => e.name === 'Runtime')).toBe(true);
    expect(all(host).some((e) => e.attrs['xsi:type'] === 'CustomFunctions')).toBe(true);
    expect(
      all(manifest)
        .filter((e) => e.name === 'Runtimes' || e.name === 'Runtime')
        .every((e) => all(overrides).includes(e)),
    ).toBe(true);
    expect(path(manifest, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(
      `${DEV_HOST}taskpane.html`,
    );
  });

  it('resolves every resid, each to a resource of the right kind, and uses every resource', () => {
    const kinds: Record<string, string> = {};
    for (const [group, kind] of [
      ['bt:Images', 'image'],
      ['bt:Urls', 'url'],
      ['bt:ShortStrings', 'string'],
      ['bt:LongStrings', 'string'],
    ] as const) {
      for (const r of child(resources, group).children) {
        expect(kinds[r.attrs.id ?? '']).toBeUndefined(); // ids are unique
        kinds[r.attrs.id ?? ''] = kind;
      }
    }
    const expected: Record<string, string> = {
      'bt:Image': 'image',
      SourceLocation: 'url',
      Runtime: 'url',
      FunctionFile: 'url',
      LearnMoreUrl: 'url',
      Label: 'string',
      Title: 'string',
      Description: 'string',
      Namespace: 'string',
    };
    const used = all(path(manifest, 'VersionOverrides', 'Hosts')).filter((e) => e.attrs.resid !== undefined);
    expect(used.length).toBeGreaterThan(10);
    for (const e of used) {
      expect({ element: e.name, resid: e.attrs.resid, kind: kinds[e.attrs.resid ?? ''] }).toEqual({
        element: e.name,
        resid: e.attrs.resid,
        kind: expected[e.name],
      });
    }
    expect(Object.keys(kinds).sort()).toEqual([...new Set(used.map((e) => e.attrs.resid))].sort());
  });

  it('uses one resid for the shared runtime, the functions page and the function file', () => {
    const host = path(manifest, 'VersionOverrides', 'Hosts', 'Host');
    const runtime = path(host, 'Runtimes', 'Runtime');
    expect(runtime.attrs.lifetime).toBe('long');
    const cf = path(host, 'AllFormFactors', 'ExtensionPoint');
    expect(cf.attrs['xsi:type']).toBe('CustomFunctions');
    const page = path(cf, 'Page', 'SourceLocation').attrs.resid;
    const functionFile = path(host, 'DesktopFormFactor', 'FunctionFile').attrs.resid;
    expect(runtime.attrs.resid).toBe('Taskpane.Url');
    expect(page).toBe(runtime.attrs.resid);
    expect(functionFile).toBe(runtime.attrs.resid);
    // The ribbon button opens the same page as a task pane.
    const action = all(host).find((e) => e.name === 'Action');
    expect(action?.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(child(action as El, 'SourceLocation').attrs.resid).toBe(runtime.attrs.resid);
    expect(child(action as El, 'TaskpaneId').text).not.toBe('');
    const tab = all(host).find((e) => e.name === 'OfficeTab');
    expect(tab?.attrs.id).toBe('TabHome');
  });

  it('has a function namespace of at most 32 characters', () => {
    const resid = all(manifest).find((e) => e.name === 'Namespace')?.attrs.resid;
    const ns = child(resources, 'bt:ShortStrings').children.find((s) => s.attrs.id === resid);
    const values = [ns?.attrs.DefaultValue ?? '', ...(ns?.children ?? []).map((o) => o.attrs.Value ?? '')];
    expect(values[0]).toBe('PERF');
    for (const v of values) {
      expect(v.length).toBeGreaterThan(0);
      expect(v.length).toBeLessThanOrEqual(32);
    }
  });

  it('keeps short strings within 125 and long strings within 250 characters', () => {
    for (const [group, max] of [
      ['bt:ShortStrings', 125],
      ['bt:LongStrings', 250],
    ] as const) {
      for (const s of child(resources, group).children) {
        for (const v of [s.attrs.DefaultValue ?? '', ...s.children.map((o) => o.attrs.Value ?? '')]) {
          expect(v.length).toBeLessThanOrEqual(max);
        }
      }
    }
  });

  describe('URLs', () => {
    const urls = all(manifest)
      .filter((e) =>
        [
          'IconUrl',
          'HighResolutionIconUrl',
          'SupportUrl',
          'SourceLocation',
          'AppDomain',
          'bt:Url',
          'bt:Image',
        ].includes(e.name),
      )
      .flatMap((e) => [e.attrs.DefaultValue ?? e.text, ...e.children.map((o) => o.attrs.Value ?? '')])
      .filter((u) => u !== '');

    it('are all https', () => {
      expect(urls.length).toBeGreaterThan(8);
      for (const u of urls) expect(u).toMatch(/^https:\/\//);
    });

    it('all point at files the build produces', () => {
      for (const u of urls) {
        expect(u.startsWith(DEV_HOST)).toBe(true);
        const file = new URL(u).pathname.slice(1);
        expect(built).toContain(file);
      }
    });

    it('point the function metadata at the Chinese file by default and the English one for en-US', () => {
      const meta = child(resources, 'bt:Urls').children.find((u) => u.attrs.id === 'Functions.Metadata.Url');
      expect(meta?.attrs.DefaultValue).toBe(`${DEV_HOST}functions-zh-cn.json`);
      expect(meta?.children.map((o) => [o.attrs.Locale, o.attrs.Value])).toEqual([
        ['en-US', `${DEV_HOST}functions.json`],
      ]);
    });
  });

  it('names icons of the sizes they are', () => {
    const images = child(resources, 'bt:Images').children;
    const sizes = all(manifest)
      .filter((e) => e.name === 'bt:Image' && e.attrs.resid)
      .map((e) => [e.attrs.size, images.find((i) => i.attrs.id === e.attrs.resid)?.attrs.DefaultValue]);
    const iconUrls: [string | undefined, string | undefined][] = [
      ['32', child(manifest, 'IconUrl').attrs.DefaultValue],
      ['64', child(manifest, 'HighResolutionIconUrl').attrs.DefaultValue],
      ...(sizes as [string, string][]),
    ];
    for (const [size, url] of iconUrls) {
      const png = readFileSync(join(ROOT, new URL(url ?? '').pathname.slice(1)));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });
});

describe('custom functions', () => {
  interface FunctionMeta {
    id: string;
    name: string;
    description: string;
    helpUrl: string;
    parameters?: { name: string; description: string }[];
  }
  const metadata = (file: string): FunctionMeta[] =>
    (JSON.parse(readFileSync(join(outDir, file), 'utf8')) as { functions: FunctionMeta[] }).functions;

  it('functions.json ids are exactly the functions the code associates', () => {
    const ids = [...associated].sort();
    expect(ids).toEqual(Object.keys(FUNCTIONS).sort());
    expect(
      metadata('functions.json')
        .map((f) => f.id)
        .sort(),
    ).toEqual(ids);
    expect(
      metadata('functions-zh-cn.json')
        .map((f) => f.id)
        .sort(),
    ).toEqual(ids);
  });

  it('associates each function once: the metadata plugin adds no associate calls of its own', () => {
    const js = readFileSync(join(outDir, 'functions.js'), 'utf8');
    expect(js).not.toMatch(/CustomFunctions\.associate\("/);
    expect(js.match(/CustomFunctions\.associate\(/g)).toHaveLength(1);
  });

  it('documents every function, with a help page the add-in serves', () => {
    const helpPage = readFileSync(join(outDir, 'help/index.html'), 'utf8');
    for (const f of [...metadata('functions.json'), ...metadata('functions-zh-cn.json')]) {
      expect(f.description.length).toBeGreaterThan(10);
      for (const p of f.parameters ?? []) expect(p.description.length).toBeGreaterThan(3);
      const url = new URL(f.helpUrl);
      expect(url.href.startsWith(DEPLOY_HOST)).toBe(true);
      expect(built).toContain(url.pathname.replace('/perf/', ''));
      expect(helpPage).toMatch(new RegExp(`id="?${url.hash.slice(1)}[" >]`));
    }
  });

  it('has Chinese names and descriptions in functions-zh-cn.json', () => {
    const zh = metadata('functions-zh-cn.json');
    const en = metadata('functions.json');
    expect(zh.find((f) => f.id === 'SCORE')).toMatchObject({ name: '指标得分' });
    for (const f of zh) {
      const english = en.find((e) => e.id === f.id) as FunctionMeta;
      expect(f.name).not.toBe(english.name);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      expect(f.parameters?.length).toBe(english.parameters?.length);
    }
  });
});
