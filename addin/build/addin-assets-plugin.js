'use strict';
/**
 * Webpack plugin for the add-in's own build steps:
 *  - checks functions.json (emitted by custom-functions-metadata-plugin) and writes the
 *    localised copy (functions-zh-cn.json) from the locale table;
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
   * @param {{ metadata?: string, locales?: { locale: string, table: string, output: string }[],
   *           host?: string, devHost?: string, rewrite?: string[] }} options
   */
  constructor(options = {}) {
    this.metadata = options.metadata || 'functions.json';
    this.locales = options.locales || [];
    this.devHost = options.devHost || DEV_HOST;
    this.host = options.host || this.devHost;
    this.rewrite = options.rewrite || ['manifest.xml', this.metadata, ...this.locales.map((l) => l.output)];
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
          const asset = compilation.getAsset(this.metadata);
          if (!asset) {
            // custom-functions-metadata-plugin has reported why it emitted nothing.
            if (compilation.errors.length === 0) fail(`${this.metadata} was not generated`);
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          for (const e of checkFunctionsMetadata(metadata)) fail(e);
          for (const { locale, table, output } of this.locales) {
            const file = path.resolve(compiler.context, table);
            compilation.fileDependencies.add(file);
            let entries;
            try {
              entries = JSON.parse(fs.readFileSync(file, 'utf8'));
            } catch (err) {
              fail(`cannot read ${table}: ${err.message}`);
              continue;
            }
            const result = localizeFunctionsMetadata(metadata, entries, locale);
            for (const e of result.errors) fail(e);
            compilation.emitAsset(
              output,
              new sources.RawSource(`${JSON.stringify(result.metadata, null, 2)}\n`),
            );
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
