// What plugins contribute, fetched from the API: organisation-wide (columns) or for one case
// (context-menu actions and panel tabs).
import { get } from './api.js';

export async function contributions(caseId) {
  const query = caseId ? '?case_id=' + encodeURIComponent(caseId) : '';
  const data = await get('/api/plugins/contributions' + query);
  for (const error of data.errors || []) console.warn('plugin contributions failed', error.plugin, error.message);
  return data.plugins || [];
}
