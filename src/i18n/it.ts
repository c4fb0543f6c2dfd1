import type { Messages } from './en'

export const it: Messages = {
  'layout.skip': 'Vai al contenuto',
  'layout.languages': 'Lingua',
  'steps.label': 'Avanzamento',
  'steps.review': 'Verifica',
  'steps.signIn': 'Accesso',
  'steps.enterKey': 'Inserisci chiave',
  'steps.done': 'Fatto',
  'steps.completed': ' (completato)',

  'invite.titleConnect': 'Colleghi il suo account {app}',
  'invite.titleRefresh': 'Aggiorni il suo collegamento a {app}',
  'invite.asksConnect': 'le chiede di collegare il suo account {app}.',
  'invite.asksRefresh': 'le chiede di aggiornare le credenziali di un collegamento al suo account {app}.',
  'invite.connectionName': 'Nome del collegamento',
  'invite.access': 'Accesso richiesto',
  'invite.expires': 'Scadenza del link',
  'invite.noteBefore': 'Dopo il collegamento, ',
  'invite.noteAfter':
    ' potrà usare queste credenziali nei propri flussi di lavoro. La sua password o chiave non viene mai mostrata, e può chiedere in ' +
    'qualsiasi momento di eliminare il collegamento.',
  'invite.accept': 'Accetta e collega',
  'invite.reject': 'Rifiuta',
  'access.credentials': 'Le sue credenziali {app} ({fields}), usate per operare sul suo account',
  'access.apiKey': 'La sua chiave API {app}, usata per operare sul suo account',

  'form.title': 'Collega {app}',
  'form.for': 'Per «{name}»',
  'form.couldNotConnect': 'Non è stato possibile collegarsi',
  'form.attemptsOne': 'Resta {count} tentativo',
  'form.attemptsOther': 'Restano {count} tentativi',
  'form.attemptsThen': '. Dopodiché questo link verrà bloccato e dovrà chiederne uno nuovo a chi glielo ha inviato.',
  'form.checkNote': 'Tether le verifica con {app} prima di salvarle in forma cifrata. Non vengono mai più mostrate.',
  'form.grant': 'Concedi l’accesso',

  'error.invalidCredentials': '{app} non ha accettato queste credenziali. Le controlli e riprovi.',
  'error.upstream': '{app} non è riuscito a verificare queste credenziali in questo momento. Riprovi più tardi.',
  'error.tooMany': 'Troppi tentativi in questo momento. Attenda qualche minuto e riprovi.',
  'error.accountMismatch':
    'Questo collegamento è per l’account {app} {expected}, ma queste credenziali sono di {used}. Non è stato modificato nulla. Usi ' +
    'quell’account o chieda a chi le ha inviato il link un link che consenta un account diverso.',
  'error.appUnavailable': 'L’accesso con {app} non è disponibile in questo momento. Contatti chi le ha inviato il link.',
  'error.generic': 'Si è verificato un errore. Riprovi.',
  'error.fieldRequired': 'Compili il campo {field}.',
  'error.fieldTooLong': 'Il campo {field} è troppo lungo.',
  'error.fieldCharacters': 'Il campo {field} contiene caratteri non ammessi. Lo copi di nuovo da {app}.',
  'error.required': 'Obbligatorio',
  'error.tooLong': 'Troppo lungo',

  'done.titleCreated': 'Collegamento creato',
  'done.titleUpdated': 'Collegamento aggiornato',
  'done.headingCreated': 'Collegamento creato correttamente',
  'done.headingUpdated': 'Collegamento aggiornato correttamente',
  'done.created': 'Il suo account {app} è ora collegato come «{name}»',
  'done.updated': 'Il collegamento «{name}» ora usa le sue nuove credenziali {app}',
  'done.for': ' per {requester}',
  'done.close': '. Ora può chiudere questa pagina.',
  'declined.title': 'Richiesta rifiutata',
  'declined.body': 'Ha rifiutato la richiesta. Chi l’ha inviata vedrà che è stata rifiutata; non è stato condiviso nulla.',
  'invalid.title': 'Link non disponibile',
  'invalid.heading': 'Questo link non può essere usato',
  'invalid.body':
    'Questo link di collegamento non è valido, è già stato usato o è scaduto. Contatti chi glielo ha inviato per riceverne uno nuovo.',
  'locked.title': 'Link bloccato',
  'locked.heading': 'Questo link è bloccato',
  'locked.body': 'Questo link è stato bloccato dopo troppe chiavi errate. Contatti chi glielo ha inviato per riceverne uno nuovo.',
  'signinCancelled.title': 'Accesso annullato',
  'signinCancelled.heading': 'L’accesso è stato annullato',
  'signinCancelled.body': '{app} non ha concesso l’accesso, quindi non è stato collegato nulla. Il link è ancora valido.',
  'signinCancelled.retry': 'Riprova',

  'reject.title': 'Rifiutare questa richiesta?',
  'reject.body':
    'Non verrà condiviso nulla e questo link smetterà di funzionare: chi l’ha inviato vedrà che ha rifiutato «{name}» e dovrà ' +
    'inviarle un nuovo link se cambia idea.',
  'reject.reason': 'Motivo (facoltativo, condiviso con chi ha inviato la richiesta)',
  'reject.back': 'Indietro',
  'reject.submit': 'Rifiuta richiesta',

  'errorPage.notFound': 'Pagina non trovata',
  'errorPage.forbidden': 'Non consentito',
  'errorPage.generic': 'Si è verificato un errore',
  'errorPage.home': 'Vai a Tether',
  'choose.title': "Scegli l'account da collegare",
  'choose.body': '{app} ha dato accesso a più di uno. Scegli quello da collegare; gli altri si possono collegare separatamente.',
  'choose.submit': 'Collega questo',
}
