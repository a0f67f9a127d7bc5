// UI strings in German and English. The user's choice is stored server-side (PUT /api/me/locale)
// and travels to plugins as the call context's locale; until the user chooses, the browser's
// languages decide (navigator.languages here, Accept-Language on the server).
// A text with a number of something has one entry per plural category of the language
// ('cases.total.one', 'cases.total' for "other"): tn() picks it with Intl.PluralRules.
// One entry per text with its German and English side by side, so a text missing in one language
// shows at once.
const TEXTS = {
  'app.name': { de: 'Dossier Manager', en: 'Dossier Manager' },
  'nav.cases': { de: 'Fälle', en: 'Cases' },
  'nav.admin': { de: 'Administration', en: 'Administration' },
  'nav.mailbox': { de: 'Dev-Postfach', en: 'Dev mailbox' },
  'header.logout': { de: 'Abmelden', en: 'Sign out' },
  'header.language': { de: 'Sprache', en: 'Language' },
  'login.title': { de: 'Anmelden', en: 'Sign in' },
  'login.login': { de: 'Benutzername', en: 'User name' },
  'login.password': { de: 'Passwort', en: 'Password' },
  'login.submit': { de: 'Anmelden', en: 'Sign in' },
  'login.hint': { de: 'Demo-Zugänge stehen in der Konsolenausgabe des Hosts.', en: "Demo logins are printed in the host's console output." },
  'cases.title': { de: 'Fälle', en: 'Cases' },
  'cases.search': { de: 'Suchen (Nummer, Titel, Korrespondenz)', en: 'Search (number, title, correspondent)' },
  'cases.status.all': { de: 'Alle Status', en: 'All states' },
  'cases.status.open': { de: 'Offen', en: 'Open' },
  'cases.status.closed': { de: 'Geschlossen', en: 'Closed' },
  'cases.type.all': { de: 'Alle Falltypen', en: 'All case types' },
  'cases.columns': { de: 'Spalten', en: 'Columns' },
  'cases.columns.reset': { de: 'Zurücksetzen', en: 'Reset' },
  'cases.columns.title': { de: 'Spaltenauswahl', en: 'Choose columns' },
  'cases.empty': { de: 'Keine Fälle gefunden.', en: 'No cases found.' },
  'cases.total': { de: '{n} Fälle', en: '{n} cases' },
  'cases.total.one': { de: '{n} Fall', en: '{n} case' },
  'cases.page': { de: 'Seite {page} von {pages}', en: 'Page {page} of {pages}' },
  'cases.page_size': { de: 'pro Seite', en: 'per page' },
  'cases.prev': { de: 'Zurück', en: 'Previous' },
  'cases.next': { de: 'Weiter', en: 'Next' },
  'cases.first': { de: 'Erste', en: 'First' },
  'cases.last': { de: 'Letzte', en: 'Last' },
  'col.number': { de: 'Nummer', en: 'Number' },
  'col.title': { de: 'Fallname', en: 'Case name' },
  'col.status': { de: 'Status', en: 'Status' },
  'col.case_type': { de: 'Falltyp', en: 'Case type' },
  'col.owner': { de: 'Zuständig', en: 'Owner' },
  'col.correspondent': { de: 'Korrespondenz', en: 'Correspondent' },
  'col.received_date': { de: 'Eingang', en: 'Received' },
  'col.updated_at': { de: 'Geändert', en: 'Modified' },
  'status.open': { de: 'Offen', en: 'Open' },
  'status.closed': { de: 'Geschlossen', en: 'Closed' },
  'menu.open': { de: 'Öffnen', en: 'Open' },
  'menu.close_case': { de: 'Fall schliessen', en: 'Close case' },
  'menu.loading': { de: 'Lädt …', en: 'Loading …' },
  'menu.modules': { de: 'Module', en: 'Modules' },
  'case.back': { de: 'Zurück zur Übersicht', en: 'Back to the overview' },
  'case.tab.details': { de: 'Details', en: 'Details' },
  'case.tab.journal': { de: 'Journal', en: 'Journal' },
  'case.tab.attachments': { de: 'Anhänge', en: 'Attachments' },
  'case.close': { de: 'Fall schliessen', en: 'Close case' },
  'case.close.confirm': { de: 'Fall „{title}“ schliessen? Module werden darüber informiert.', en: 'Close the case “{title}”? Modules will be told.' },
  'case.closed': { de: 'Der Fall wurde geschlossen.', en: 'The case was closed.' },
  'journal.internal': { de: 'Intern', en: 'Internal' },
  'journal.empty': { de: 'Keine Journaleinträge.', en: 'No journal entries.' },
  'attachments.name': { de: 'Name', en: 'Name' },
  'attachments.type': { de: 'Typ', en: 'Type' },
  'attachments.size': { de: 'Grösse', en: 'Size' },
  'attachments.modified': { de: 'Geändert', en: 'Modified' },
  'attachments.checksum': { de: 'SHA-256', en: 'SHA-256' },
  'attachments.empty': { de: 'Keine Anhänge.', en: 'No attachments.' },
  'attachments.delete': { de: 'Löschen', en: 'Delete' },
  'attachments.delete.confirm': { de: 'Anhang „{name}“ endgültig löschen?', en: 'Delete the attachment “{name}” for good?' },
  'attachments.deleted': { de: 'Der Anhang wurde gelöscht.', en: 'The attachment was deleted.' },
  'attachments.add': { de: 'Anhang hinzufügen', en: 'Add attachment' },
  'attachments.add.closed': { de: 'Das Dossier ist geschlossen: Es können keine Anhänge mehr hinzugefügt werden.', en: 'The case is closed: no more attachments can be added.' },
  'attachments.add.progress': { de: 'Fortschritt des Uploads', en: 'Upload progress' },
  'attachments.add.sending': { de: '„{name}“ wird hochgeladen …', en: 'Uploading “{name}” …' },
  'attachments.add.done': { de: '„{name}“ wurde hinzugefügt.', en: '“{name}” was added.' },
  'attachments.add.failed': { de: 'Der Anhang konnte nicht hinzugefügt werden.', en: 'The attachment could not be added.' },
  'attachments.add.error.file_too_large': { de: 'Die Datei ist grösser, als ein Anhang sein darf.', en: 'The file is larger than an attachment may be.' },
  'attachments.add.error.upload_incomplete': { de: 'Der Upload wurde unterbrochen. Bitte nochmals versuchen.', en: 'The upload was interrupted. Please try again.' },
  'attachments.add.error.invalid_request': { de: 'Die Datei braucht einen Namen mit höchstens 255 Zeichen.', en: 'The file needs a name of at most 255 characters.' },
  'attachments.add.error.case_closed': { de: 'Das Dossier ist geschlossen: Es können keine Anhänge mehr hinzugefügt werden.', en: 'The case is closed: no more attachments can be added.' },
  'attachments.add.error.busy': { de: 'Gerade laufen zu viele Uploads. Bitte in einigen Sekunden nochmals versuchen.', en: 'Too many uploads are running right now. Please try again in a few seconds.' },
  'attachments.add.error.network': { de: 'Der Server ist nicht erreichbar.', en: 'The server cannot be reached.' },
  'attachments.add.error.not_found': { de: 'Der Fall wurde nicht gefunden.', en: 'The case was not found.' },
  'admin.title': { de: 'Administration', en: 'Administration' },
  'admin.modules': { de: 'Module', en: 'Modules' },
  'admin.no_modules': { de: 'Keine Module geladen.', en: 'No modules loaded.' },
  'admin.version': { de: 'Version', en: 'Version' },
  'admin.vendor': { de: 'Hersteller', en: 'Vendor' },
  'admin.active_users': { de: 'Aktive Benutzer: {n}', en: 'Active users: {n}' },
  'mailbox.title': { de: 'Dev-Postfach', en: 'Dev mailbox' },
  'mailbox.mail': { de: 'E-Mails', en: 'E-mails' },
  'mailbox.sms': { de: 'SMS', en: 'Text messages' },
  'mailbox.empty': { de: 'Noch keine Nachrichten.', en: 'No messages yet.' },
  'mailbox.from': { de: 'Von', en: 'From' },
  'mailbox.to': { de: 'An', en: 'To' },
  'mailbox.date': { de: 'Datum', en: 'Date' },
  'mailbox.subject': { de: 'Betreff', en: 'Subject' },
  'mailbox.refresh': { de: 'Aktualisieren', en: 'Refresh' },
  'mailbox.hint': { de: 'Nachrichten, die Module im Entwicklungsmodus in den Spool-Ordner schreiben, statt sie zu versenden.', en: 'Messages that modules in development mode write into the spool folder instead of sending them.' },
  'dialog.close': { de: 'Schliessen', en: 'Close' },
  'dialog.cancel': { de: 'Abbrechen', en: 'Cancel' },
  'dialog.confirm': { de: 'Bestätigen', en: 'Confirm' },
  'dialog.discard.text': { de: 'Die Eingaben in diesem Dialog verwerfen?', en: 'Discard what you entered in this dialog?' },
  'dialog.discard': { de: 'Verwerfen', en: 'Discard' },
  'dialog.keep_editing': { de: 'Weiter bearbeiten', en: 'Keep editing' },
  'vm.other_errors': { de: 'Bitte prüfe die Eingaben:', en: 'Please check your input:' },
  'vm.more': { de: 'Weitere Aktionen', en: 'More actions' },
  'vm.copy': { de: 'Kopieren', en: 'Copy' },
  'vm.copied': { de: 'Kopiert', en: 'Copied' },
  'vm.generate': { de: 'Generieren', en: 'Generate' },
  'vm.show': { de: 'Anzeigen', en: 'Show' },
  'vm.hide': { de: 'Verbergen', en: 'Hide' },
  'vm.open_new_tab': { de: 'In neuem Tab öffnen', en: 'Open in a new tab' },
  'vm.required': { de: 'Pflichtfeld', en: 'Required' },
  'vm.item.on': { de: 'Sichtbar', en: 'Visible' },
  'vm.item.off': { de: 'Ausgeblendet', en: 'Hidden' },
  'vm.items.expand': { de: 'Auswahl ändern', en: 'Change selection' },
  'vm.unsupported': { de: 'Nicht unterstütztes Element: {type}', en: 'Unsupported element: {type}' },
  'error.generic': { de: 'Etwas ist schiefgelaufen.', en: 'Something went wrong.' },
  'error.network': { de: 'Der Server ist nicht erreichbar.', en: 'The server cannot be reached.' },
  'error.module': { de: 'Modulfehler', en: 'Module error' },
  'error.not_found': { de: 'Nicht gefunden.', en: 'Not found.' },
};

// The same texts by language (STRINGS.de[key]), as browserLocale, tn and t read them.
const STRINGS = {};
for (const lang of ['de', 'en']) {
  STRINGS[lang] = Object.fromEntries(Object.entries(TEXTS).map(([key, text]) => [key, text[lang]]));
}

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
