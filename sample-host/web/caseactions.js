// Host actions on a case, shared by the context menu and the case view.
import { post } from './api.js';
import { confirmDialog, toast } from './dialog.js';
import { t } from './i18n.js';

export async function closeCase(c, onDone) {
  if (!(await confirmDialog(t('case.close.confirm', { title: c.title }), t('case.close'), true))) return;
  try {
    await post('/api/cases/' + encodeURIComponent(c.id) + '/close');
    toast('success', t('case.closed'));
    onDone();
  } catch (err) {
    toast('error', err.message);
  }
}
