// The JSON API client: session cookie (HttpOnly, sent by the browser), CSRF header on state
// changes, structured errors.
import { t } from './i18n.js';

let csrfToken = '';
let onSignedOut = () => {};

export function setCsrfToken(token) { csrfToken = token || ''; }
export function onUnauthenticated(handler) { onSignedOut = handler; }

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export async function api(method, path, body) {
  const options = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (method !== 'GET') options.headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch (e) {
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (response.status === 204) return null;
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  if (!response.ok) {
    const error = (data && data.error) || {};
    if (response.status === 401 && path !== '/api/login') onSignedOut();
    throw new ApiError(response.status, error.code || 'http_' + response.status,
      error.message || t('error.generic'), error.field);
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);
