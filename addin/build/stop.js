'use strict';
/**
 * `npm stop`: ends what `npm start` began. With Excel desktop, office-addin-debugging stops the
 * dev server and removes the sideloaded add-in; otherwise the dev server started by
 * `npm start` (its process id is in a file in the temp folder) is ended.
 */
const fs = require('node:fs');
const { PID_FILE, officeAddinDebugging, target } = require('./start');

function stopWeb() {
  let pid;
  try {
    pid = Number(fs.readFileSync(PID_FILE, 'utf8'));
  } catch {
    console.log('没有正在运行的开发服务器 (no dev server started by npm start is running).');
    return;
  }
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`已停止开发服务器 (dev server ${pid} stopped).`);
  } catch {
    console.log(`开发服务器 ${pid} 已不在运行 (dev server ${pid} was not running).`);
  }
  try {
    fs.unlinkSync(PID_FILE);
  } catch {
    // gone already
  }
}

function stopDesktop() {
  process.exitCode = officeAddinDebugging(['stop', 'manifest.xml']);
}

if (target() === 'desktop') stopDesktop();
else stopWeb();
