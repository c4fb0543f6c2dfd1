import type { Messages } from './en'

export const nl: Messages = {
  'layout.skip': 'Naar de inhoud',
  'layout.languages': 'Taal',
  'steps.label': 'Voortgang',
  'steps.review': 'Controleren',
  'steps.signIn': 'Inloggen',
  'steps.enterKey': 'Sleutel invoeren',
  'steps.done': 'Klaar',
  'steps.completed': ' (voltooid)',

  'invite.titleConnect': 'Koppel uw {app}-account',
  'invite.titleRefresh': 'Vernieuw uw {app}-koppeling',
  'invite.asksConnect': 'vraagt u uw {app}-account te koppelen.',
  'invite.asksRefresh': 'vraagt u de inloggegevens van een koppeling met uw {app}-account te vernieuwen.',
  'invite.connectionName': 'Naam van de koppeling',
  'invite.access': 'Gevraagde toegang',
  'invite.expires': 'Link verloopt',
  'invite.noteBefore': 'Na het koppelen kan ',
  'invite.noteAfter':
    ' deze inloggegevens in de eigen workflows gebruiken. Uw wachtwoord of sleutel wordt nooit getoond, en u kunt op elk moment ' +
    'vragen om de koppeling te verwijderen.',
  'invite.accept': 'Accepteren en koppelen',
  'invite.reject': 'Weigeren',
  'access.credentials': 'Uw {app}-inloggegevens ({fields}), gebruikt om namens u in uw account te werken',
  'access.apiKey': 'Uw {app}-API-sleutel, gebruikt om namens u in uw account te werken',

  'form.title': '{app} koppelen',
  'form.for': 'Voor ‘{name}’',
  'form.couldNotConnect': 'Koppelen is niet gelukt',
  'form.attemptsOne': 'Nog {count} poging over',
  'form.attemptsOther': 'Nog {count} pogingen over',
  'form.attemptsThen': '. Daarna wordt deze link geblokkeerd en hebt u een nieuwe nodig van de aanvrager.',
  'form.checkNote': 'Tether controleert deze gegevens bij {app} voordat ze versleuteld worden opgeslagen. Ze worden nooit meer getoond.',
  'form.grant': 'Toegang verlenen',

  'error.invalidCredentials': '{app} heeft deze inloggegevens niet geaccepteerd. Controleer ze en probeer het opnieuw.',
  'error.upstream': '{app} kon deze inloggegevens nu niet controleren. Probeer het later opnieuw.',
  'error.tooMany': 'Er zijn op dit moment te veel pogingen. Wacht een paar minuten en probeer het opnieuw.',
  'error.accountMismatch':
    'Deze koppeling is voor het {app}-account {expected}, maar deze inloggegevens zijn van {used}. Er is niets gewijzigd. Gebruik ' +
    'dat account of vraag degene die u deze link stuurde om een link die een ander account toestaat.',
  'error.appUnavailable': 'Inloggen bij {app} is op dit moment niet beschikbaar. Neem contact op met de aanvrager.',
  'error.generic': 'Er is iets misgegaan. Probeer het opnieuw.',
  'error.fieldRequired': 'Vul {field} in.',
  'error.fieldTooLong': '{field} is te lang.',
  'error.fieldCharacters': '{field} bevat tekens die niet zijn toegestaan. Kopieer de waarde opnieuw uit {app}.',
  'error.required': 'Verplicht',
  'error.tooLong': 'Te lang',

  'done.titleCreated': 'Koppeling gemaakt',
  'done.titleUpdated': 'Koppeling bijgewerkt',
  'done.headingCreated': 'De koppeling is gemaakt',
  'done.headingUpdated': 'De koppeling is bijgewerkt',
  'done.created': 'Uw {app}-account is nu gekoppeld als ‘{name}’',
  'done.updated': 'De koppeling ‘{name}’ gebruikt nu uw nieuwe {app}-inloggegevens',
  'done.for': ' voor {requester}',
  'done.close': '. U kunt deze pagina sluiten.',
  'done.period': '.',
  'done.continue': 'Doorgaan met de andere apps',
  'declined.title': 'Verzoek geweigerd',
  'declined.body': 'U hebt het verzoek geweigerd. De aanvrager ziet dat het is geweigerd; er is niets gedeeld.',
  'invalid.title': 'Link niet beschikbaar',
  'invalid.heading': 'Deze link kan niet worden gebruikt',
  'invalid.body': 'Deze koppelingslink is ongeldig, al gebruikt of verlopen. Neem contact op met de aanvrager voor een nieuwe link.',
  'locked.title': 'Link geblokkeerd',
  'locked.heading': 'Deze link is geblokkeerd',
  'locked.body': 'Deze link is geblokkeerd na te veel onjuiste sleutels. Neem contact op met de aanvrager voor een nieuwe link.',
  'signinCancelled.title': 'Inloggen geannuleerd',
  'signinCancelled.heading': 'Het inloggen is geannuleerd',
  'signinCancelled.body': '{app} heeft geen toegang verleend, dus er is niets gekoppeld. De link werkt nog steeds.',
  'signinCancelled.retry': 'Opnieuw proberen',

  'reject.title': 'Dit verzoek weigeren?',
  'reject.body':
    'Er wordt niets gedeeld en deze link werkt daarna niet meer: de aanvrager ziet dat u ‘{name}’ hebt geweigerd en moet een nieuwe ' +
    'link sturen als u van gedachten verandert.',
  'reject.reason': 'Reden (optioneel, wordt gedeeld met de aanvrager)',
  'reject.back': 'Terug',
  'reject.submit': 'Verzoek weigeren',

  'list.title': 'Koppel {count} apps',
  'list.asks': 'vraagt je deze apps te koppelen. Koppel ze een voor een, of sla ze over of wijs ze af.',
  'list.progress': '{done} van {total} gekoppeld',
  'list.finished': 'Alle apps in dit verzoek zijn afgehandeld. Je kunt deze pagina sluiten.',
  'list.connect': '{app} koppelen',
  'list.skip': 'Overslaan',
  'list.connected': 'Gekoppeld',
  'list.skipped': 'Overgeslagen',
  'list.rejected': 'Afgewezen',
  'list.closed': 'Niet meer beschikbaar',

  'errorPage.notFound': 'Pagina niet gevonden',
  'errorPage.forbidden': 'Niet toegestaan',
  'errorPage.generic': 'Er is iets misgegaan',
  'errorPage.home': 'Naar Tether',

  'done.manageHeading': 'Je privébeheerlink',
  'done.manageBody':
    'Bewaar deze link om een jaar lang te zien wat je hebt gegeven en de toegang op elk moment in te trekken. Hij ' +
    'wordt alleen deze keer getoond, en iedereen die hem heeft kan de toegang intrekken.',
  'done.manageLabel': 'Beheerlink',
  'done.manageShown':
    'Je privébeheerlink werd getoond toen je verbinding maakte. Als je hem per e-mail hebt laten sturen, kijk dan ' + 'in je inbox.',
  'done.emailLabel': 'Stuur me deze link per e-mail (optioneel)',
  'done.emailHelp': 'We sturen de link één keer naar dit adres en bewaren het adres niet.',
  'done.emailSubmit': 'Link versturen',
  'done.emailSent': 'We hebben je beheerlink naar {email} gestuurd.',
  'done.emailInvalid': 'Vul een geldig e-mailadres in.',
  'done.emailTooMany': 'De link is al meerdere keren verstuurd. Probeer het over een uur opnieuw.',
  'done.emailFailed': 'We konden de e-mail nu niet versturen. Probeer het later opnieuw.',
  'manage.title': 'Wat je hebt gegeven',
  'manage.heading': 'Wat je aan {requester} hebt gegeven',
  'manage.app': 'App',
  'manage.account': 'Account',
  'manage.unknownAccount': 'Onbekend',
  'manage.connection': 'Naam van de verbinding',
  'manage.requester': 'Aangevraagd door',
  'manage.granted': 'Gegeven op',
  'manage.access': 'Toegang',
  'manage.usage': 'Gebruik in de afgelopen 30 dagen',
  'manage.runsNone': 'Geen enkele workflowrun heeft deze toegang gebruikt.',
  'manage.runsOne': '{count} workflowrun heeft deze toegang gebruikt.',
  'manage.runsOther': '{count} workflowruns hebben deze toegang gebruikt.',
  'manage.revoke': 'Toegang intrekken',
  'manage.revokeNote':
    'Intrekken verwijdert je inloggegevens meteen uit Tether en maakt ze, waar {app} dat toestaat, ook bij {app} ' +
    'ongeldig. {requester} krijgt bericht.',
  'manage.confirmTitle': 'Deze toegang intrekken?',
  'manage.confirmBody':
    '{requester} kan je {app}-account dan niet meer gebruiken via ‘{name}’. Je inloggegevens worden meteen uit ' +
    'Tether verwijderd. Dit kan niet ongedaan worden gemaakt, maar {requester} kan je een nieuwe link sturen.',
  'manage.confirmBack': 'Terug',
  'manage.confirmSubmit': 'Ja, toegang intrekken',
  'manage.revokedTitle': 'Toegang ingetrokken',
  'manage.revokedBody':
    'Je hebt de toegang van ‘{name}’ tot je {app}-account ingetrokken. Je inloggegevens zijn uit Tether verwijderd ' +
    'en {requester} heeft bericht gekregen.',
  'manage.revokedAt': 'Ingetrokken op',
  'manage.notFoundTitle': 'Pagina niet gevonden',
  'manage.notFoundHeading': 'Deze beheerlink kan niet worden gebruikt',
  'manage.notFoundBody': 'De link is onjuist of verlopen, of de verbinding die hij beheerde bestaat niet meer.',
  'email.manageSubject': 'Je beheerlink voor {app}',
  'email.manageHello': 'Hallo,',
  'email.manageBody':
    'Je hebt je {app}-account verbonden voor {requester}. Met deze privélink zie je een jaar lang wat je hebt ' +
    'gegeven en kun je de toegang op elk moment intrekken.',
  'email.manageAction': 'Toegang bekijken of intrekken',
  'email.manageAfter':
    'Houd deze e-mail privé: iedereen met de link kan de toegang intrekken. Heb je hier niet om gevraagd, dan kun ' +
    'je deze e-mail negeren.',
  'choose.title': 'Kies het account dat je wilt koppelen',
  'choose.body': '{app} gaf toegang tot meer dan één. Kies het account dat je wilt koppelen; de andere kun je apart koppelen.',
  'choose.submit': 'Dit koppelen',
}
