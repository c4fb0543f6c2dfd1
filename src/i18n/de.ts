import type { Messages } from './en'

export const de: Messages = {
  'layout.skip': 'Zum Inhalt springen',
  'layout.languages': 'Sprache',
  'layout.securedBy': 'Gesichert durch Tether',
  'layout.ownerLogo': 'Logo der anfragenden Person',
  'outcome.backTo': 'Zurück zu {name}',
  'outcome.back': 'Zurück zur anfragenden Person',
  'steps.label': 'Fortschritt',
  'steps.review': 'Prüfen',
  'steps.signIn': 'Anmelden',
  'steps.enterKey': 'Schlüssel eingeben',
  'steps.done': 'Fertig',
  'steps.completed': ' (abgeschlossen)',

  'invite.titleConnect': 'Verbinden Sie Ihr {app}-Konto',
  'invite.titleRefresh': 'Aktualisieren Sie Ihre {app}-Verbindung',
  'invite.asksConnect': 'bittet Sie, Ihr {app}-Konto zu verbinden.',
  'invite.asksRefresh': 'bittet Sie, die Zugangsdaten einer Verbindung zu Ihrem {app}-Konto zu aktualisieren.',
  'invite.connectionName': 'Name der Verbindung',
  'invite.access': 'Angefragter Zugriff',
  'invite.expires': 'Link läuft ab',
  'invite.noteBefore': 'Nach der Verbindung kann ',
  'invite.noteAfter':
    ' diese Zugangsdaten in den eigenen Workflows verwenden. Ihr Passwort oder Schlüssel wird dabei nie angezeigt, und Sie können ' +
    'jederzeit darum bitten, die Verbindung zu löschen.',
  'invite.accept': 'Akzeptieren und verbinden',
  'invite.reject': 'Ablehnen',
  'access.credentials': 'Ihre Zugangsdaten für {app} ({fields}), mit denen in Ihrem Konto gearbeitet wird',
  'access.apiKey': 'Ihr API-Schlüssel für {app}, mit dem in Ihrem Konto gearbeitet wird',

  'form.title': '{app} verbinden',
  'form.for': 'Für „{name}“',
  'form.couldNotConnect': 'Die Verbindung ist fehlgeschlagen',
  'form.attemptsOne': 'Noch {count} Versuch',
  'form.attemptsOther': 'Noch {count} Versuche',
  'form.attemptsThen': '. Danach wird dieser Link gesperrt, und Sie benötigen einen neuen Link von der anfragenden Person.',
  'form.checkNote': 'Tether prüft diese Angaben bei {app}, bevor sie verschlüsselt gespeichert werden. Sie werden nie wieder angezeigt.',
  'form.grant': 'Zugriff gewähren',

  'error.invalidCredentials': '{app} hat diese Zugangsdaten nicht akzeptiert. Bitte prüfen Sie sie und versuchen Sie es erneut.',
  'error.upstream': '{app} konnte diese Zugangsdaten gerade nicht prüfen. Bitte versuchen Sie es später erneut.',
  'error.tooMany': 'Im Moment gibt es zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
  'error.accountMismatch':
    'Diese Verbindung gehört zum {app}-Konto {expected}, diese Zugangsdaten aber zu {used}. Es wurde nichts geändert. Bitte ' +
    'verwenden Sie dieses Konto oder bitten Sie die Person, die Ihnen den Link gesendet hat, um einen Link, der ein anderes Konto erlaubt.',
  'error.appUnavailable': 'Die Anmeldung bei {app} ist derzeit nicht verfügbar. Bitte wenden Sie sich an die anfragende Person.',
  'error.generic': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  'error.fieldRequired': 'Bitte füllen Sie „{field}“ aus.',
  'error.fieldTooLong': '„{field}“ ist zu lang.',
  'error.fieldCharacters': '„{field}“ enthält unzulässige Zeichen. Bitte kopieren Sie den Wert erneut aus {app}.',
  'error.required': 'Erforderlich',
  'error.tooLong': 'Zu lang',

  'done.titleCreated': 'Verbindung erstellt',
  'done.titleUpdated': 'Verbindung aktualisiert',
  'done.headingCreated': 'Verbindung erfolgreich erstellt',
  'done.headingUpdated': 'Verbindung erfolgreich aktualisiert',
  'done.created': 'Ihr {app}-Konto ist jetzt als „{name}“ verbunden',
  'done.updated': 'Die Verbindung „{name}“ verwendet jetzt Ihre neuen {app}-Zugangsdaten',
  'done.for': ' für {requester}',
  'done.close': '. Sie können diese Seite jetzt schließen.',
  'declined.title': 'Anfrage abgelehnt',
  'declined.body': 'Sie haben die Anfrage abgelehnt. Die anfragende Person sieht, dass sie abgelehnt wurde; es wurde nichts geteilt.',
  'invalid.title': 'Link nicht verfügbar',
  'invalid.heading': 'Dieser Link kann nicht verwendet werden',
  'invalid.body':
    'Dieser Verbindungslink ist ungültig, wurde bereits verwendet oder ist abgelaufen. Bitte wenden Sie sich an die anfragende ' +
    'Person, um einen neuen Link zu erhalten.',
  'locked.title': 'Link gesperrt',
  'locked.heading': 'Dieser Link ist gesperrt',
  'locked.body':
    'Dieser Link wurde nach zu vielen falschen Schlüsseln gesperrt. Bitte wenden Sie sich an die anfragende Person, um einen neuen ' +
    'Link zu erhalten.',
  'signinCancelled.title': 'Anmeldung abgebrochen',
  'signinCancelled.heading': 'Die Anmeldung wurde abgebrochen',
  'signinCancelled.body': '{app} hat keinen Zugriff gewährt, daher wurde nichts verbunden. Der Link ist weiterhin gültig.',
  'signinCancelled.retry': 'Erneut versuchen',

  'reject.title': 'Diese Anfrage ablehnen?',
  'reject.body':
    'Es wird nichts geteilt, und dieser Link funktioniert danach nicht mehr: Die anfragende Person sieht, dass Sie „{name}“ ' +
    'abgelehnt haben, und muss Ihnen einen neuen Link senden, falls Sie es sich anders überlegen.',
  'reject.reason': 'Grund (optional, wird der anfragenden Person mitgeteilt)',
  'reject.back': 'Zurück',
  'reject.submit': 'Anfrage ablehnen',

  'errorPage.notFound': 'Seite nicht gefunden',
  'errorPage.forbidden': 'Nicht erlaubt',
  'errorPage.generic': 'Etwas ist schiefgelaufen',
  'errorPage.home': 'Zu Tether',
}
