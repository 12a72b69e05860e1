/**
 * Task pane entry inside Excel. The page is also the shared runtime that hosts the PERF custom
 * functions (the functions bundle is loaded into it, see webpack.config.js).
 */
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { officeHost } from './office-host';

export const LOADING_MESSAGE = '绩效考核助手正在加载…';

function mount(): void {
  const app = document.getElementById('app');
  if (!app) return;
  createRoot(app).render(<App host={officeHost()} />);
}

if (typeof Office !== 'undefined') void Office.onReady(() => mount());
else {
  const app = document.getElementById('app');
  if (app) app.textContent = '请在 Excel 中打开此加载项 (open this add-in in Excel)';
}
