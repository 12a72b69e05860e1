'use strict';
/**
 * Where the add-in is served from. Development serves it on https://localhost:3000/; a
 * production build rewrites that prefix in manifest.xml and the functions metadata to the
 * deployment host, taken from (first found):
 *   1. the ADDIN_HOST environment variable,  e.g. ADDIN_HOST=https://oa.example.gov.cn/perf/
 *   2. "config": { "addin_host": "…" } in package.json.
 * The host must be https (Office loads add-ins over https only) and may include a path.
 */
const { URL } = require('node:url');

const DEV_HOST = 'https://localhost:3000/';

function normaliseHost(raw) {
  const text = String(raw).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_HOST "${text}" 不是有效的网址 (is not a URL)`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_HOST "${text}" 必须是 https 地址 (must be https)`);
  if (url.search || url.hash) throw new Error(`ADDIN_HOST "${text}" 不能带 ? 或 # (no query or fragment)`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The production host: ADDIN_HOST, else package.json config.addin_host, else the dev host. */
function resolveAddinHost(envValue, packageJson) {
  const fromEnv = typeof envValue === 'string' && envValue.trim() !== '' ? envValue : undefined;
  const fromConfig = packageJson && packageJson.config && packageJson.config.addin_host;
  return normaliseHost(fromEnv || fromConfig || DEV_HOST);
}

function rewriteHost(text, from, to) {
  return from === to ? text : text.split(from).join(to);
}

module.exports = { DEV_HOST, normaliseHost, resolveAddinHost, rewriteHost };
