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

// Sends one file as multipart/form-data (the host streams it to disk); XMLHttpRequest because
// fetch() reports no upload progress. onProgress gets the share sent so far, 0 to 1.
export function uploadFile(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', t('error.network'))));
    xhr.addEventListener('load', () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) { resolve(data); return; }
      const error = (data && data.error) || {};
      if (xhr.status === 401) onSignedOut();
      reject(new ApiError(xhr.status, error.code || 'http_' + xhr.status, error.message || t('error.generic'), error.field));
    });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);
