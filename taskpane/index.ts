/**
 * Task pane entry. The pane itself (React) is a later issue; for now the page says it is
 * loading, and it is also the shared runtime that hosts the PERF custom functions (the
 * functions bundle is loaded into this page, see webpack.config.js).
 */
export const LOADING_MESSAGE = '绩效考核助手正在加载…';

function showLoading(): void {
  const app = document.getElementById('app') ?? document.body;
  app.textContent = LOADING_MESSAGE;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showLoading);
else showLoading();

if (typeof Office !== 'undefined') void Office.onReady();
