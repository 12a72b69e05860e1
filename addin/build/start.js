'use strict';
/**
 * `npm start`.
 *  - Where Excel desktop is installed (Windows, Mac): the development build runs first, then
 *    office-addin-debugging starts the dev server and sideloads manifest.xml into Excel, as in
 *    Microsoft's templates (`npm stop` ends it).
 *  - Elsewhere (Linux, CI, a build server): builds, serves the add-in on https://localhost:3000/
 *    (plain http when no dev certificate can be made) and prints how to sideload it into Excel
 *    on the web. Ctrl+C or `npm stop` ends the server.
 * PERF_START_TARGET=desktop|web overrides the detection.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const PID_FILE = path.join(os.tmpdir(), 'perf-addin-dev-server.pid');
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

function excelDesktopInstalled() {
  if (process.env.CI) return false;
  if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
  if (process.platform === 'win32') {
    const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
    const versions = ['Office16', 'Office15'];
    return roots.some((root) =>
      versions.some(
        (v) =>
          fs.existsSync(path.join(root, 'Microsoft Office', 'root', v, 'EXCEL.EXE')) ||
          fs.existsSync(path.join(root, 'Microsoft Office', v, 'EXCEL.EXE')),
      ),
    );
  }
  return false;
}

function bin(pkg, file) {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

function runNode(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status === null ? 1 : result.status);
}

function target() {
  const forced = process.env.PERF_START_TARGET;
  if (forced === 'desktop' || forced === 'web') return forced;
  return excelDesktopInstalled() ? 'desktop' : 'web';
}

/**
 * office-addin-debugging is not a devDependency: through office-addin-dev-settings it requires
 * @microsoft/m365agentstoolkit-cli, whose native keytar module cannot be built on machines
 * without libsecret (Linux build servers, CI). Where Excel desktop is, it is fetched by npx.
 */
const OFFICE_ADDIN_DEBUGGING = 'office-addin-debugging@7';

function officeAddinDebugging(args) {
  const windows = process.platform === 'win32';
  const result = spawnSync(windows ? 'npx.cmd' : 'npx', ['--yes', OFFICE_ADDIN_DEBUGGING, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: windows,
  });
  return result.status === null ? 1 : result.status;
}

function startDesktop() {
  console.log('检测到 Excel 桌面版：构建并侧载加载项 (Excel desktop found: building and sideloading)…');
  runNode(bin('webpack-cli', 'bin/cli.js'), ['--mode', 'development']);
  process.exitCode = officeAddinDebugging(['start', 'manifest.xml', 'desktop']);
}

function startWeb() {
  console.log('未检测到 Excel 桌面版：构建并启动开发服务器 (no Excel desktop here: building and serving)…');
  runNode(bin('webpack-cli', 'bin/cli.js'), ['--mode', 'development']);
  const server = spawn(
    process.execPath,
    [bin('webpack-cli', 'bin/cli.js'), 'serve', '--mode', 'development'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  fs.writeFileSync(PID_FILE, String(server.pid));
  const manifest = path.join(ROOT, 'dist', 'addin', 'manifest.xml');
  console.log(
    [
      '',
      '════════════════════════════════════════════════════════════════════',
      `开发服务器：https://localhost:${PORT}/taskpane.html（无证书时为 http）`,
      `没有 Excel 时的预览（示例工作簿）：https://localhost:${PORT}/preview.html`,
      `Preview without Excel (example workbooks): https://localhost:${PORT}/preview.html`,
      '在 Excel 网页版中侧载：',
      `  1. 用浏览器打开 https://localhost:${PORT}/taskpane.html，确认页面能打开、证书受信任`,
      '     （证书不受信任时先运行 npx office-addin-dev-certs install）。',
      '  2. 在 Excel 网页版打开一个工作簿：开始 → 加载项 → 更多加载项 → 我的加载项',
      '     → 上传我的加载项，选择清单文件：',
      `     ${manifest}`,
      '  3. “开始”选项卡出现“校验指标表”按钮；单元格中输入 =PERF. 可用自定义函数。',
      'Sideload into Excel on the web: open a workbook, Home → Add-ins → More Add-ins →',
      `My Add-ins → Upload My Add-in, and choose ${manifest}.`,
      '按 Ctrl+C 或运行 npm stop 停止服务器 (Ctrl+C or npm stop ends the server).',
      '════════════════════════════════════════════════════════════════════',
      '',
    ].join('\n'),
  );
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => {
    try {
      if (fs.readFileSync(PID_FILE, 'utf8') === String(server.pid)) fs.unlinkSync(PID_FILE);
    } catch {
      // already removed by npm stop
    }
    process.exit(code === null ? 0 : code);
  });
}

if (require.main === module) {
  if (target() === 'desktop') startDesktop();
  else startWeb();
}

module.exports = { PID_FILE, excelDesktopInstalled, officeAddinDebugging, target };
