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
  'done.period': '.',
  'done.continue': 'Mit den anderen Apps weitermachen',
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

  'list.title': '{count} Apps verbinden',
  'list.asks': 'bittet Sie, diese Apps zu verbinden. Verbinden Sie jede einzeln, oder überspringen oder lehnen Sie sie ab.',
  'list.progress': '{done} von {total} verbunden',
  'list.finished': 'Alle Apps dieser Anfrage sind erledigt. Sie können diese Seite schließen.',
  'list.connect': '{app} verbinden',
  'list.skip': 'Überspringen',
  'list.connected': 'Verbunden',
  'list.skipped': 'Übersprungen',
  'list.rejected': 'Abgelehnt',
  'list.closed': 'Nicht mehr verfügbar',

  'errorPage.notFound': 'Seite nicht gefunden',
  'errorPage.forbidden': 'Nicht erlaubt',
  'errorPage.generic': 'Etwas ist schiefgelaufen',
  'errorPage.home': 'Zu Tether',

  'done.manageHeading': 'Ihr privater Verwaltungslink',
  'done.manageBody':
    'Bewahren Sie diesen Link auf, um ein Jahr lang jederzeit zu sehen, was Sie freigegeben haben, und den Zugriff ' +
    'zu widerrufen. Er wird nur dieses eine Mal angezeigt, und wer ihn hat, kann den Zugriff widerrufen.',
  'done.manageLabel': 'Verwaltungslink',
  'done.manageShown':
    'Ihr privater Verwaltungslink wurde beim Verbinden angezeigt. Wenn Sie ihn per E-Mail angefordert haben, finden ' +
    'Sie ihn in Ihrem Posteingang.',
  'done.emailLabel': 'Diesen Link per E-Mail senden (optional)',
  'done.emailHelp': 'Wir senden den Link einmal an diese Adresse und speichern die Adresse nicht.',
  'done.emailSubmit': 'Link senden',
  'done.emailSent': 'Wir haben Ihren Verwaltungslink an {email} gesendet.',
  'done.emailInvalid': 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  'done.emailTooMany': 'Der Link wurde bereits mehrmals gesendet. Bitte versuchen Sie es in einer Stunde erneut.',
  'done.emailFailed': 'Die E-Mail konnte gerade nicht gesendet werden. Bitte versuchen Sie es später erneut.',
  'manage.title': 'Was Sie freigegeben haben',
  'manage.heading': 'Was Sie {requester} freigegeben haben',
  'manage.app': 'App',
  'manage.account': 'Konto',
  'manage.unknownAccount': 'Unbekannt',
  'manage.connection': 'Name der Verbindung',
  'manage.requester': 'Angefragt von',
  'manage.granted': 'Freigegeben am',
  'manage.access': 'Zugriff',
  'manage.usage': 'Nutzung in den letzten 30 Tagen',
  'manage.runsNone': 'Kein Workflow-Lauf hat diesen Zugriff genutzt.',
  'manage.runsOne': '{count} Workflow-Lauf hat diesen Zugriff genutzt.',
  'manage.runsOther': '{count} Workflow-Läufe haben diesen Zugriff genutzt.',
  'manage.revoke': 'Zugriff widerrufen',
  'manage.revokeNote':
    'Beim Widerrufen werden Ihre Zugangsdaten sofort aus Tether gelöscht und, wo {app} es erlaubt, auch bei {app} ' +
    'ungültig gemacht. {requester} wird benachrichtigt.',
  'manage.confirmTitle': 'Diesen Zugriff widerrufen?',
  'manage.confirmBody':
    '{requester} kann Ihr {app}-Konto dann nicht mehr über „{name}“ nutzen. Ihre Zugangsdaten werden sofort aus ' +
    'Tether gelöscht. Das lässt sich nicht rückgängig machen, aber {requester} kann Ihnen einen neuen Link senden.',
  'manage.confirmBack': 'Zurück',
  'manage.confirmSubmit': 'Ja, Zugriff widerrufen',
  'manage.revokedTitle': 'Zugriff widerrufen',
  'manage.revokedBody':
    'Sie haben den Zugriff von „{name}“ auf Ihr {app}-Konto widerrufen. Ihre Zugangsdaten wurden aus Tether ' +
    'gelöscht und {requester} wurde benachrichtigt.',
  'manage.revokedAt': 'Widerrufen am',
  'manage.notFoundTitle': 'Seite nicht gefunden',
  'manage.notFoundHeading': 'Dieser Verwaltungslink kann nicht verwendet werden',
  'manage.notFoundBody': 'Der Link ist falsch oder abgelaufen, oder die Verbindung, die er verwaltet hat, gibt es nicht mehr.',
  'email.manageSubject': 'Ihr Verwaltungslink für {app}',
  'email.manageHello': 'Hallo,',
  'email.manageBody':
    'Sie haben Ihr {app}-Konto für {requester} verbunden. Mit diesem privaten Link sehen Sie ein Jahr lang, was Sie ' +
    'freigegeben haben, und können den Zugriff jederzeit widerrufen.',
  'email.manageAction': 'Zugriff ansehen oder widerrufen',
  'email.manageAfter':
    'Behandeln Sie diese E-Mail vertraulich: Wer den Link hat, kann den Zugriff widerrufen. Wenn Sie ihn nicht ' +
    'angefordert haben, können Sie diese E-Mail ignorieren.',
  'choose.title': 'Wählen Sie das Konto, das verbunden werden soll',
  'choose.body':
    '{app} hat Zugriff auf mehr als eines gewährt. Wählen Sie das, das verbunden werden soll; die anderen lassen sich einzeln verbinden.',
  'choose.submit': 'Dieses verbinden',
}
