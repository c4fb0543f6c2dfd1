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
  'done.period': '.',
  'done.continue': 'Continua con le altre app',
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

  'list.title': 'Collega {count} app',
  'list.asks': 'ti chiede di collegare queste app. Collegale una alla volta, oppure saltale o rifiutale.',
  'list.progress': '{done} di {total} collegate',
  'list.finished': 'Tutte le app di questa richiesta sono state gestite. Puoi chiudere questa pagina.',
  'list.connect': 'Collega {app}',
  'list.skip': 'Salta',
  'list.connected': 'Collegata',
  'list.skipped': 'Saltata',
  'list.rejected': 'Rifiutata',
  'list.closed': 'Non più disponibile',

  'errorPage.notFound': 'Pagina non trovata',
  'errorPage.forbidden': 'Non consentito',
  'errorPage.generic': 'Si è verificato un errore',
  'errorPage.home': 'Vai a Tether',

  'done.manageHeading': 'Il tuo link di gestione privato',
  'done.manageBody':
    'Conserva questo link per vedere cosa hai concesso e revocare l’accesso in qualsiasi momento, per un anno. ' +
    'Viene mostrato solo questa volta e chiunque lo abbia può revocare l’accesso.',
  'done.manageLabel': 'Link di gestione',
  'done.manageShown':
    'Il tuo link di gestione privato è stato mostrato al momento della connessione. Se l’hai richiesto via email, ' +
    'cercalo nella tua casella di posta.',
  'done.emailLabel': 'Inviami questo link via email (facoltativo)',
  'done.emailHelp': 'Inviamo il link una volta a questo indirizzo e non conserviamo l’indirizzo.',
  'done.emailSubmit': 'Invia il link',
  'done.emailSent': 'Abbiamo inviato il tuo link di gestione a {email}.',
  'done.emailInvalid': 'Inserisci un indirizzo email valido.',
  'done.emailTooMany': 'Il link è già stato inviato più volte. Riprova tra un’ora.',
  'done.emailFailed': 'Non è stato possibile inviare l’email ora. Riprova più tardi.',
  'manage.title': 'Cosa hai concesso',
  'manage.heading': 'Cosa hai concesso a {requester}',
  'manage.app': 'App',
  'manage.account': 'Account',
  'manage.unknownAccount': 'Sconosciuto',
  'manage.connection': 'Nome della connessione',
  'manage.requester': 'Richiesto da',
  'manage.granted': 'Concesso il',
  'manage.access': 'Accesso',
  'manage.usage': 'Utilizzo negli ultimi 30 giorni',
  'manage.runsNone': 'Nessuna esecuzione di workflow ha usato questo accesso.',
  'manage.runsOne': '{count} esecuzione di workflow ha usato questo accesso.',
  'manage.runsOther': '{count} esecuzioni di workflow hanno usato questo accesso.',
  'manage.revoke': 'Revoca l’accesso',
  'manage.revokeNote':
    'La revoca elimina subito le tue credenziali da Tether e, dove {app} lo consente, le annulla anche su {app}. ' +
    '{requester} viene avvisato.',
  'manage.confirmTitle': 'Revocare questo accesso?',
  'manage.confirmBody':
    '{requester} non potrà più usare il tuo account {app} tramite “{name}”. Le tue credenziali vengono eliminate ' +
    'subito da Tether. Non si può annullare, ma {requester} può inviarti un nuovo link.',
  'manage.confirmBack': 'Indietro',
  'manage.confirmSubmit': 'Sì, revoca l’accesso',
  'manage.revokedTitle': 'Accesso revocato',
  'manage.revokedBody':
    'Hai revocato l’accesso di “{name}” al tuo account {app}. Le tue credenziali sono state eliminate da Tether e ' +
    '{requester} è stato avvisato.',
  'manage.revokedAt': 'Revocato il',
  'manage.notFoundTitle': 'Pagina non trovata',
  'manage.notFoundHeading': 'Questo link di gestione non può essere usato',
  'manage.notFoundBody': 'Il link è errato o è scaduto, oppure la connessione che gestiva non esiste più.',
  'email.manageSubject': 'Il tuo link di gestione per {app}',
  'email.manageHello': 'Ciao,',
  'email.manageBody':
    'Hai connesso il tuo account {app} per {requester}. Con questo link privato puoi vedere cosa hai concesso e ' +
    'revocare l’accesso in qualsiasi momento, per un anno.',
  'email.manageAction': 'Vedi o revoca l’accesso',
  'email.manageAfter': 'Tieni privata questa email: chiunque abbia il link può revocare l’accesso. Se non l’hai richiesta, puoi ignorarla.',
  'choose.title': "Scegli l'account da collegare",
  'choose.body': '{app} ha dato accesso a più di uno. Scegli quello da collegare; gli altri si possono collegare separatamente.',
  'choose.submit': 'Collega questo',
}
