'use strict';
/**
 * Webpack plugin for the add-in's own build steps:
 *  - emits functions.json (generated from the function registry, engine/functions/), checks it,
 *    and writes the localised copy (functions-zh-cn.json) from the locale table;
 *  - emits the help page: its template with the function list and sections filled in;
 *  - in production, rewrites the development host (https://localhost:3000/) in the manifest
 *    and the functions metadata to the deployment host;
 *  - fails the build when a browser bundle would pull in a Node built-in module.
 */
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');
const { checkFunctionsMetadata, localizeFunctionsMetadata } = require('./localize');
const { DEV_HOST, rewriteHost } = require('./host');

const NAME = 'AddinAssetsPlugin';
const DEV_TOOLING = /node_modules[\\/](webpack-dev-server|webpack[\\/]hot)[\\/]/;
const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** True for "fs", "node:fs", "path/posix", "stream/web" … */
function isNodeBuiltin(request) {
  if (typeof request !== 'string' || request === '') return false;
  if (request.startsWith('node:')) return true;
  return BUILTINS.has(request) || BUILTINS.has(request.split('/')[0]);
}

class AddinAssetsPlugin {
  /**
   * @param {{ functions: { metadata: object, locales: { locale: string, table: object, output: string }[],
   *             help: { template: string, output: string, render: (template: string) => string },
   *             sources?: string },
   *           host?: string, devHost?: string, rewrite?: string[] }} options
   */
  constructor(options) {
    this.functions = options.functions;
    this.metadata = 'functions.json';
    this.devHost = options.devHost || DEV_HOST;
    this.host = options.host || this.devHost;
    this.rewrite = options.rewrite || [
      'manifest.xml',
      this.metadata,
      ...this.functions.locales.map((l) => l.output),
    ];
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.finishModules.tap(NAME, (modules) => {
        for (const m of modules) {
          // The dev server's own client (live reload, HMR) is development tooling, not our bundle.
          const issuer = compilation.moduleGraph.getIssuer(m);
          if (issuer && DEV_TOOLING.test(issuer.resource || '')) continue;
          const request = m.rawRequest || m.userRequest || m.request;
          if (m.constructor && m.constructor.name === 'ExternalModule') {
            compilation.errors.push(
              new WebpackError(`${NAME}: external module ${request} in a browser bundle`),
            );
          } else if (isNodeBuiltin(request)) {
            compilation.errors.push(
              new WebpackError(`${NAME}: Node built-in "${request}" in a browser bundle`),
            );
          }
        }
      });

      compilation.hooks.processAssets.tap(
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const fail = (message) => compilation.errors.push(new WebpackError(`${NAME}: ${message}`));
          const { metadata, locales, help, sources: registry } = this.functions;
          // The registry is read when the build starts: a change to it needs a new build.
          if (registry) compilation.contextDependencies.add(registry);
          for (const e of checkFunctionsMetadata(metadata)) fail(e);
          compilation.emitAsset(
            this.metadata,
            new sources.RawSource(`${JSON.stringify(metadata, null, 4)}\n`),
          );
          for (const { locale, table, output } of locales) {
            const result = localizeFunctionsMetadata(metadata, table, locale);
            for (const e of result.errors) fail(e);
            compilation.emitAsset(
              output,
              new sources.RawSource(`${JSON.stringify(result.metadata, null, 2)}\n`),
            );
          }
          const template = path.resolve(compiler.context, help.template);
          compilation.fileDependencies.add(template);
          try {
            const page = help.render(fs.readFileSync(template, 'utf8'));
            compilation.emitAsset(help.output, new sources.RawSource(page));
          } catch (err) {
            fail(`cannot read ${help.template}: ${err.message}`);
          }
          if (this.host !== this.devHost) {
            for (const name of this.rewrite) {
              if (!compilation.getAsset(name)) continue;
              compilation.updateAsset(
                name,
                (source) =>
                  new sources.RawSource(rewriteHost(source.source().toString(), this.devHost, this.host)),
              );
            }
          }
        },
      );
    });
  }
}

module.exports = { AddinAssetsPlugin, isNodeBuiltin };
