// UI strings in German and English. The user's choice is stored server-side (PUT /api/me/locale)
// and travels to plugins as the call context's locale; until the user chooses, the browser's
// languages decide (navigator.languages here, Accept-Language on the server).
// A text with a number of something has one entry per plural category of the language
// ('cases.total.one', 'cases.total' for "other"): tn() picks it with Intl.PluralRules.
const STRINGS = {
  de: {
    'app.name': 'Dossier Manager',
    'nav.cases': 'Fälle', 'nav.admin': 'Administration', 'nav.mailbox': 'Dev-Postfach',
    'header.logout': 'Abmelden', 'header.language': 'Sprache',
    'login.title': 'Anmelden', 'login.login': 'Benutzername', 'login.password': 'Passwort',
    'login.submit': 'Anmelden', 'login.hint': 'Demo-Zugänge stehen in der Konsolenausgabe des Hosts.',
    'cases.title': 'Fälle', 'cases.search': 'Suchen (Nummer, Titel, Korrespondenz)',
    'cases.status.all': 'Alle Status', 'cases.status.open': 'Offen', 'cases.status.closed': 'Geschlossen',
    'cases.type.all': 'Alle Falltypen', 'cases.columns': 'Spalten', 'cases.columns.reset': 'Zurücksetzen',
    'cases.columns.title': 'Spaltenauswahl', 'cases.empty': 'Keine Fälle gefunden.',
    'cases.total': '{n} Fälle', 'cases.total.one': '{n} Fall', 'cases.page': 'Seite {page} von {pages}', 'cases.page_size': 'pro Seite',
    'cases.prev': 'Zurück', 'cases.next': 'Weiter', 'cases.first': 'Erste', 'cases.last': 'Letzte',
    'col.number': 'Nummer', 'col.title': 'Fallname', 'col.status': 'Status', 'col.case_type': 'Falltyp',
    'col.owner': 'Zuständig', 'col.correspondent': 'Korrespondenz', 'col.received_date': 'Eingang',
    'col.updated_at': 'Geändert',
    'status.open': 'Offen', 'status.closed': 'Geschlossen',
    'menu.open': 'Öffnen', 'menu.close_case': 'Fall schliessen', 'menu.loading': 'Lädt …',
    'menu.modules': 'Module',
    'case.back': 'Zurück zur Übersicht', 'case.tab.details': 'Details', 'case.tab.journal': 'Journal',
    'case.tab.attachments': 'Anhänge', 'case.close': 'Fall schliessen',
    'case.close.confirm': 'Fall „{title}“ schliessen? Module werden darüber informiert.',
    'case.closed': 'Der Fall wurde geschlossen.',
    'journal.internal': 'Intern', 'journal.empty': 'Keine Journaleinträge.',
    'attachments.name': 'Name', 'attachments.type': 'Typ', 'attachments.size': 'Grösse',
    'attachments.modified': 'Geändert', 'attachments.checksum': 'SHA-256', 'attachments.empty': 'Keine Anhänge.',
    'attachments.delete': 'Löschen', 'attachments.delete.confirm': 'Anhang „{name}“ endgültig löschen?',
    'attachments.deleted': 'Der Anhang wurde gelöscht.',
    'attachments.add': 'Anhang hinzufügen', 'attachments.add.progress': 'Fortschritt des Uploads',
    'attachments.add.sending': '„{name}“ wird hochgeladen …', 'attachments.add.done': '„{name}“ wurde hinzugefügt.',
    'attachments.add.failed': 'Der Anhang konnte nicht hinzugefügt werden.',
    'attachments.add.error.file_too_large': 'Die Datei ist grösser, als ein Anhang sein darf.',
    'attachments.add.error.upload_incomplete': 'Der Upload wurde unterbrochen. Bitte nochmals versuchen.',
    'attachments.add.error.invalid_request': 'Die Datei braucht einen Namen mit höchstens 255 Zeichen.',
    'attachments.add.error.network': 'Der Server ist nicht erreichbar.',
    'attachments.add.error.not_found': 'Der Fall wurde nicht gefunden.',
    'admin.title': 'Administration', 'admin.modules': 'Module', 'admin.no_modules': 'Keine Module geladen.',
    'admin.version': 'Version', 'admin.vendor': 'Hersteller', 'admin.active_users': 'Aktive Benutzer: {n}',
    'mailbox.title': 'Dev-Postfach', 'mailbox.mail': 'E-Mails', 'mailbox.sms': 'SMS',
    'mailbox.empty': 'Noch keine Nachrichten.', 'mailbox.from': 'Von', 'mailbox.to': 'An',
    'mailbox.date': 'Datum', 'mailbox.subject': 'Betreff', 'mailbox.refresh': 'Aktualisieren',
    'mailbox.hint': 'Nachrichten, die Module im Entwicklungsmodus in den Spool-Ordner schreiben, statt sie zu versenden.',
    'dialog.close': 'Schliessen', 'dialog.cancel': 'Abbrechen', 'dialog.confirm': 'Bestätigen',
    'dialog.discard.text': 'Die Eingaben in diesem Dialog verwerfen?', 'dialog.discard': 'Verwerfen',
    'dialog.keep_editing': 'Weiter bearbeiten', 'vm.other_errors': 'Bitte prüfe die Eingaben:',
    'vm.more': 'Weitere Aktionen', 'vm.copy': 'Kopieren', 'vm.copied': 'Kopiert', 'vm.generate': 'Generieren', 'vm.show': 'Anzeigen',
    'vm.hide': 'Verbergen', 'vm.open_new_tab': 'In neuem Tab öffnen', 'vm.required': 'Pflichtfeld',
    'vm.item.on': 'Sichtbar', 'vm.item.off': 'Ausgeblendet', 'vm.unsupported': 'Nicht unterstütztes Element: {type}',
    'error.generic': 'Etwas ist schiefgelaufen.', 'error.network': 'Der Server ist nicht erreichbar.',
    'error.module': 'Modulfehler', 'error.not_found': 'Nicht gefunden.',
  },
  en: {
    'app.name': 'Dossier Manager',
    'nav.cases': 'Cases', 'nav.admin': 'Administration', 'nav.mailbox': 'Dev mailbox',
    'header.logout': 'Sign out', 'header.language': 'Language',
    'login.title': 'Sign in', 'login.login': 'User name', 'login.password': 'Password',
    'login.submit': 'Sign in', 'login.hint': 'Demo logins are printed in the host\'s console output.',
    'cases.title': 'Cases', 'cases.search': 'Search (number, title, correspondent)',
    'cases.status.all': 'All states', 'cases.status.open': 'Open', 'cases.status.closed': 'Closed',
    'cases.type.all': 'All case types', 'cases.columns': 'Columns', 'cases.columns.reset': 'Reset',
    'cases.columns.title': 'Choose columns', 'cases.empty': 'No cases found.',
    'cases.total': '{n} cases', 'cases.total.one': '{n} case', 'cases.page': 'Page {page} of {pages}', 'cases.page_size': 'per page',
    'cases.prev': 'Previous', 'cases.next': 'Next', 'cases.first': 'First', 'cases.last': 'Last',
    'col.number': 'Number', 'col.title': 'Case name', 'col.status': 'Status', 'col.case_type': 'Case type',
    'col.owner': 'Owner', 'col.correspondent': 'Correspondent', 'col.received_date': 'Received',
    'col.updated_at': 'Modified',
    'status.open': 'Open', 'status.closed': 'Closed',
    'menu.open': 'Open', 'menu.close_case': 'Close case', 'menu.loading': 'Loading …',
    'menu.modules': 'Modules',
    'case.back': 'Back to the overview', 'case.tab.details': 'Details', 'case.tab.journal': 'Journal',
    'case.tab.attachments': 'Attachments', 'case.close': 'Close case',
    'case.close.confirm': 'Close the case “{title}”? Modules will be told.',
    'case.closed': 'The case was closed.',
    'journal.internal': 'Internal', 'journal.empty': 'No journal entries.',
    'attachments.name': 'Name', 'attachments.type': 'Type', 'attachments.size': 'Size',
    'attachments.modified': 'Modified', 'attachments.checksum': 'SHA-256', 'attachments.empty': 'No attachments.',
    'attachments.delete': 'Delete', 'attachments.delete.confirm': 'Delete the attachment “{name}” for good?',
    'attachments.deleted': 'The attachment was deleted.',
    'attachments.add': 'Add attachment', 'attachments.add.progress': 'Upload progress',
    'attachments.add.sending': 'Uploading “{name}” …', 'attachments.add.done': '“{name}” was added.',
    'attachments.add.failed': 'The attachment could not be added.',
    'attachments.add.error.file_too_large': 'The file is larger than an attachment may be.',
    'attachments.add.error.upload_incomplete': 'The upload was interrupted. Please try again.',
    'attachments.add.error.invalid_request': 'The file needs a name of at most 255 characters.',
    'attachments.add.error.network': 'The server cannot be reached.',
    'attachments.add.error.not_found': 'The case was not found.',
    'admin.title': 'Administration', 'admin.modules': 'Modules', 'admin.no_modules': 'No modules loaded.',
    'admin.version': 'Version', 'admin.vendor': 'Vendor', 'admin.active_users': 'Active users: {n}',
    'mailbox.title': 'Dev mailbox', 'mailbox.mail': 'E-mails', 'mailbox.sms': 'Text messages',
    'mailbox.empty': 'No messages yet.', 'mailbox.from': 'From', 'mailbox.to': 'To',
    'mailbox.date': 'Date', 'mailbox.subject': 'Subject', 'mailbox.refresh': 'Refresh',
    'mailbox.hint': 'Messages that modules in development mode write into the spool folder instead of sending them.',
    'dialog.close': 'Close', 'dialog.cancel': 'Cancel', 'dialog.confirm': 'Confirm',
    'dialog.discard.text': 'Discard what you entered in this dialog?', 'dialog.discard': 'Discard',
    'dialog.keep_editing': 'Keep editing', 'vm.other_errors': 'Please check your input:',
    'vm.more': 'More actions', 'vm.copy': 'Copy', 'vm.copied': 'Copied', 'vm.generate': 'Generate', 'vm.show': 'Show',
    'vm.hide': 'Hide', 'vm.open_new_tab': 'Open in a new tab', 'vm.required': 'Required',
    'vm.item.on': 'Visible', 'vm.item.off': 'Hidden', 'vm.unsupported': 'Unsupported element: {type}',
    'error.generic': 'Something went wrong.', 'error.network': 'The server cannot be reached.',
    'error.module': 'Module error', 'error.not_found': 'Not found.',
  },
};

// The first of the browser's languages that the host speaks; German when none.
export function browserLocale(languages = navigator.languages || [navigator.language]) {
  for (const tag of languages || []) {
    const primary = String(tag || '').toLowerCase().split(/[-_]/)[0];
    if (STRINGS[primary]) return primary;
  }
  return 'de';
}

let current = browserLocale();

export function setLocale(locale) {
  current = STRINGS[locale] ? locale : browserLocale();
  document.documentElement.lang = current;
}

export function locale() { return current; }

// The text for a count `n`, in the plural form the language's rules choose for it ("1 case",
// "2 cases"); {n} is filled with `shown` (a formatted number) or n.
export function tn(key, n, shown) {
  const category = new Intl.PluralRules(current).select(Number(n));
  const strings = STRINGS[current] || {};
  const form = strings[key + '.' + category] !== undefined ? key + '.' + category : key;
  return t(form, { n: shown !== undefined ? shown : n });
}

export function t(key, vars) {
  let text = (STRINGS[current] && STRINGS[current][key]) || STRINGS.en[key] || key;
  for (const [name, value] of Object.entries(vars || {})) text = text.replaceAll('{' + name + '}', String(value));
  return text;
}
