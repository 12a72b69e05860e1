/**
 * Webpack 5 build of the Excel add-in (browser code only; the CLI is built by `tsc`).
 *
 *   npm run build       production build into dist/addin/, URLs rewritten to ADDIN_HOST
 *   npm run build:dev   development build into dist/addin/
 *   npm run dev-server  serves the add-in on https://localhost:3000/ (http when no dev
 *                       certificate can be made, e.g. on a Linux build machine)
 *
 * Output (dist/addin/, a self-contained static site):
 *   taskpane.html + taskpane.js   the task pane, which is also the shared runtime
 *   functions.js                  the PERF custom functions (loaded into taskpane.html too)
 *   functions.json                function metadata, generated from the registry engine/functions/
 *   functions-zh-cn.json          the same with the Chinese names declared there
 *   help/index.html               addin/help/index.html with the function list and sections filled in
 *   assets/*.png, manifest.xml
 */
const fs = require('node:fs');
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { AddinAssetsPlugin } = require('./addin/build/addin-assets-plugin');
const { DEV_HOST, resolveAddinHost } = require('./addin/build/host');
const packageJson = require('./package.json');
const webpack = require('webpack');

const OUTPUT_DIR = path.resolve(__dirname, 'dist', 'addin');
const FUNCTIONS_SOURCE = './addin/functions/functions.ts';
const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * The PERF functions' metadata and help, generated from their declarations (engine/functions/, in
 * TypeScript: loaded with tsx, a devDependency, as the build runs).
 */
function functionsAssets() {
  const { require: tsxRequire } = require('tsx/cjs/api');
  const m = tsxRequire('./engine/functions/metadata.ts', __filename);
  return {
    metadata: m.functionsJson(`${DEV_HOST}help/index.html`),
    locales: [{ locale: 'zh-CN', table: m.zhLocaleTable(), output: 'functions-zh-cn.json' }],
    help: { template: 'addin/help/index.html', output: 'help/index.html', render: m.renderHelpPage },
    sources: path.join(__dirname, 'engine', 'functions'),
  };
}

/**
 * https with the Office dev certificate. When the certificate was made but its CA could not be
 * installed (no sudo, no Windows/Mac trust store), https still runs with it, and the browser
 * must be told to trust the CA by hand; when no certificate can be made at all, plain http.
 */
async function devServerTransport() {
  if (process.env.PERF_DEV_HTTP === '1') return httpFallback('PERF_DEV_HTTP=1');
  const devCerts = require('office-addin-dev-certs');
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const defaults = require('office-addin-dev-certs/lib/defaults');
    const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
    if (!files.every((f) => fs.existsSync(f))) return httpFallback(reason);
    console.warn(
      [
        '',
        `⚠ 开发证书已生成，但其根证书无法安装为受信任（${reason}）。`,
        `  https 仍可用；请在浏览器/系统中手动信任 ${defaults.caCertificatePath}。`,
        `  The dev certificate exists but its CA could not be trusted automatically (${reason});`,
        `  trust ${defaults.caCertificatePath} by hand.`,
        '',
      ].join('\n'),
    );
    const [ca, cert, key] = [files[0], files[1], files[2]].map((f) => fs.readFileSync(f));
    return { type: 'https', options: { ca, cert, key } };
  }
}

function httpFallback(reason) {
  console.warn(
    [
      '',
      `⚠ 无法使用 https 开发证书（${reason}），开发服务器改用 http://localhost:${DEV_SERVER_PORT}/。`,
      '  Excel 只加载 https 的加载项：在装有 Excel 的电脑上运行 npm start，或部署生产构建后侧载。',
      `  No https dev certificate (${reason}); serving plain http. Excel loads add-ins over https only.`,
      '',
    ].join('\n'),
  );
  return { type: 'http' };
}

/** The bundled example workbooks, offered by the preview page. */
function exampleWorkbooks() {
  return fs
    .readdirSync(path.join(__dirname, 'examples'))
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const production = mode === 'production';
  const host = production
    ? resolveAddinHost(env.ADDIN_HOST || process.env.ADDIN_HOST, packageJson)
    : DEV_HOST;
  if (production && host === DEV_HOST && !env.quiet) {
    console.warn(
      '⚠ 生产构建仍指向 https://localhost:3000/；部署前请设置 ADDIN_HOST（或 package.json 的 config.addin_host）。\n' +
        '  The production build still points at https://localhost:3000/; set ADDIN_HOST for a deployment.',
    );
  }

  return {
    mode,
    target: ['web', 'es2020'],
    devtool: 'source-map',
    context: __dirname,
    entry: {
      taskpane: './taskpane/index.tsx',
      functions: FUNCTIONS_SOURCE,
      // The browser preview (no Excel): the same pane on an .xlsx opened with the shared reader (xlsx/).
      preview: './taskpane/preview/index.tsx',
      // The web page: the pane on a workbook opened in the browser, with a scored copy to download.
      web: './taskpane/web/index.tsx',
    },
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : OUTPUT_DIR,
      // Stable names: the manifest points at functions.js; taskpane.html gets ?hash for cache busting.
      filename: '[name].js',
      // Chunks loaded on demand (the engine side of the pane, the .xlsx reader for the preview) carry a
      // content hash: a new deployment never meets an old chunk in a cache.
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // xlsx/ and cli/ import with .js suffixes (Node ESM style) that name .ts sources.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.addin.json'),
              // Types are checked by `npm run typecheck`; the bundle only needs the JavaScript.
              transpileOnly: true,
              compilerOptions: { noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        // Shared runtime: the task pane page also runs the custom functions.
        chunks: ['taskpane', 'functions'],
        hash: true,
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './taskpane/preview.html',
        chunks: ['preview'],
        hash: true,
      }),
      new HtmlWebpackPlugin({
        filename: 'web.html',
        template: './taskpane/web.html',
        chunks: ['web'],
        hash: true,
      }),
      new webpack.DefinePlugin({ __EXAMPLES__: JSON.stringify(exampleWorkbooks()) }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'examples/*.xlsx', to: 'examples/[name][ext]' },
        ],
      }),
      new AddinAssetsPlugin({
        functions: functionsAssets(),
        host,
        devHost: DEV_HOST,
      }),
    ],
    performance: {
      // zod, decimal.js, React and Fluent UI make the pane ~0.8 MB (≈240 KB gzipped, checked by
      // npm run bench); the preview page carries the .xlsx reader as well and is not what clerks load.
      maxAssetSize: 1_500_000,
      maxEntrypointSize: 1_500_000,
      assetFilter: (name) => name.endsWith('.js') && !name.startsWith('preview') && !name.startsWith('web'),
    },
    devServer: {
      port: DEV_SERVER_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.WEBPACK_SERVE ? await devServerTransport() : 'http',
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.OUTPUT_DIR = OUTPUT_DIR;
