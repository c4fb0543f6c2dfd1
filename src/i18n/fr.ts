import type { Messages } from './en'

/** French typography: a no-break space before « ? ; : » and inside guillemets. */
export const fr: Messages = {
  'layout.skip': 'Aller au contenu',
  'layout.languages': 'Langue',
  'layout.securedBy': 'Sécurisé par Tether',
  'layout.ownerLogo': 'Logo du demandeur',
  'outcome.backTo': 'Retour à {name}',
  'outcome.back': 'Revenir vers le demandeur',
  'steps.label': 'Progression',
  'steps.review': 'Vérifier',
  'steps.signIn': 'Se connecter',
  'steps.enterKey': 'Saisir la clé',
  'steps.done': 'Terminé',
  'steps.completed': ' (terminé)',

  'invite.titleConnect': 'Connectez votre compte {app}',
  'invite.titleRefresh': 'Actualisez votre connexion {app}',
  'invite.asksConnect': 'vous demande de connecter votre compte {app}.',
  'invite.asksRefresh': 'vous demande d’actualiser les identifiants d’une connexion à votre compte {app}.',
  'invite.connectionName': 'Nom de la connexion',
  'invite.access': 'Accès demandé',
  'invite.expires': 'Expiration du lien',
  'invite.noteBefore': 'Une fois la connexion établie, ',
  'invite.noteAfter':
    ' pourra utiliser ces identifiants dans ses workflows. Votre mot de passe ou votre clé ne lui est jamais montré, et vous pouvez ' +
    'lui demander de supprimer la connexion à tout moment.',
  'invite.accept': 'Accepter et connecter',
  'invite.reject': 'Refuser',
  'access.credentials': 'Vos identifiants {app} ({fields}), utilisés pour agir sur votre compte',
  'access.apiKey': 'Votre clé API {app}, utilisée pour agir sur votre compte',

  'form.title': 'Connecter {app}',
  'form.for': 'Pour «\u00a0{name}\u00a0»',
  'form.couldNotConnect': 'La connexion a échoué',
  'form.attemptsOne': 'Il vous reste {count} tentative',
  'form.attemptsOther': 'Il vous reste {count} tentatives',
  'form.attemptsThen': '. Ensuite, ce lien sera verrouillé et vous devrez en demander un nouveau à la personne qui vous l’a envoyé.',
  'form.checkNote': 'Tether les vérifie auprès de {app} avant de les enregistrer, chiffrés. Ils ne sont plus jamais affichés.',
  'form.grant': 'Autoriser l’accès',

  'error.invalidCredentials': '{app} n’a pas accepté ces identifiants. Vérifiez-les, puis réessayez.',
  'error.upstream': '{app} n’a pas pu vérifier ces identifiants pour le moment. Réessayez plus tard.',
  'error.tooMany': 'Trop de tentatives pour le moment. Patientez quelques minutes, puis réessayez.',
  'error.accountMismatch':
    'Cette connexion concerne le compte {app} {expected}, mais ces identifiants sont ceux de {used}. Rien n’a été modifié. Utilisez ' +
    'ce compte ou demandez à la personne qui vous a envoyé ce lien un lien qui autorise un autre compte.',
  'error.appUnavailable': 'La connexion avec {app} n’est pas disponible pour le moment. Contactez la personne qui vous a envoyé le lien.',
  'error.generic': 'Une erreur s’est produite. Veuillez réessayer.',
  'error.fieldRequired': 'Veuillez renseigner le champ {field}.',
  'error.fieldTooLong': 'Le champ {field} est trop long.',
  'error.fieldCharacters': 'Le champ {field} contient des caractères non autorisés. Copiez-le à nouveau depuis {app}.',
  'error.required': 'Obligatoire',
  'error.tooLong': 'Trop long',

  'done.titleCreated': 'Connexion créée',
  'done.titleUpdated': 'Connexion mise à jour',
  'done.headingCreated': 'Connexion créée avec succès',
  'done.headingUpdated': 'Connexion mise à jour avec succès',
  'done.created': 'Votre compte {app} est maintenant connecté sous le nom «\u00a0{name}\u00a0»',
  'done.updated': 'La connexion «\u00a0{name}\u00a0» utilise maintenant vos nouveaux identifiants {app}',
  'done.for': ' pour {requester}',
  'done.close': '. Vous pouvez fermer cette page.',
  'done.period': '.',
  'done.continue': 'Continuer avec les autres applications',
  'declined.title': 'Demande refusée',
  'declined.body': 'Vous avez refusé la demande. Le demandeur verra qu’elle a été refusée\u00a0; rien n’a été partagé.',
  'invalid.title': 'Lien indisponible',
  'invalid.heading': 'Ce lien ne peut pas être utilisé',
  'invalid.body':
    'Ce lien de connexion n’est pas valide, a déjà été utilisé ou a expiré. Contactez la personne qui vous l’a envoyé pour obtenir ' +
    'un nouveau lien.',
  'locked.title': 'Lien verrouillé',
  'locked.heading': 'Ce lien est verrouillé',
  'locked.body':
    'Ce lien a été verrouillé après trop de clés incorrectes. Contactez la personne qui vous l’a envoyé pour obtenir un nouveau lien.',
  'signinCancelled.title': 'Connexion annulée',
  'signinCancelled.heading': 'La connexion a été annulée',
  'signinCancelled.body': '{app} n’a pas accordé l’accès\u00a0: rien n’a été connecté. Le lien reste valable.',
  'signinCancelled.retry': 'Réessayer',

  'reject.title': 'Refuser cette demande\u00a0?',
  'reject.body':
    'Rien ne sera partagé et ce lien cessera de fonctionner\u00a0: le demandeur verra que vous avez refusé «\u00a0{name}\u00a0» et ' +
    'devra vous envoyer un nouveau lien si vous changez d’avis.',
  'reject.reason': 'Motif (facultatif, communiqué au demandeur)',
  'reject.back': 'Retour',
  'reject.submit': 'Refuser la demande',

  'list.title': 'Connectez {count} applications',
  'list.asks':
    'vous demande de connecter ces applications. Connectez chacune, ou passez-la ou refusez-la ; vous pouvez les faire une par une.',
  'list.progress': '{done} sur {total} connectées',
  'list.finished': 'Toutes les applications de cette demande sont traitées. Vous pouvez fermer cette page.',
  'list.connect': 'Connecter {app}',
  'list.skip': 'Passer',
  'list.connected': 'Connectée',
  'list.skipped': 'Passée',
  'list.rejected': 'Refusée',
  'list.closed': 'Plus disponible',

  'errorPage.notFound': 'Page introuvable',
  'errorPage.forbidden': 'Accès non autorisé',
  'errorPage.generic': 'Une erreur s’est produite',
  'errorPage.home': 'Aller sur Tether',

  'done.manageHeading': 'Votre lien de gestion privé',
  'done.manageBody':
    'Gardez ce lien pour voir ce que vous avez accordé et révoquer l’accès à tout moment, pendant un an. Il n’est ' +
    'affiché que cette fois, et quiconque le possède peut révoquer l’accès.',
  'done.manageLabel': 'Lien de gestion',
  'done.manageShown':
    'Votre lien de gestion privé a été affiché lors de la connexion. Si vous l’avez reçu par e-mail, cherchez-le ' +
    'dans votre boîte de réception.',
  'done.emailLabel': 'M’envoyer ce lien par e-mail (facultatif)',
  'done.emailHelp': 'Nous envoyons le lien une fois à cette adresse et ne conservons pas l’adresse.',
  'done.emailSubmit': 'Envoyer le lien',
  'done.emailSent': 'Nous avons envoyé votre lien de gestion à {email}.',
  'done.emailInvalid': 'Veuillez saisir une adresse e-mail valide.',
  'done.emailTooMany': 'Le lien a déjà été envoyé plusieurs fois. Veuillez réessayer dans une heure.',
  'done.emailFailed': 'Nous n’avons pas pu envoyer l’e-mail pour le moment. Veuillez réessayer plus tard.',
  'manage.title': 'Ce que vous avez accordé',
  'manage.heading': 'Ce que vous avez accordé à {requester}',
  'manage.app': 'Application',
  'manage.account': 'Compte',
  'manage.unknownAccount': 'Inconnu',
  'manage.connection': 'Nom de la connexion',
  'manage.requester': 'Demandé par',
  'manage.granted': 'Accordé le',
  'manage.access': 'Accès',
  'manage.usage': 'Utilisation ces 30 derniers jours',
  'manage.runsNone': 'Aucune exécution de workflow n’a utilisé cet accès.',
  'manage.runsOne': '{count} exécution de workflow a utilisé cet accès.',
  'manage.runsOther': '{count} exécutions de workflows ont utilisé cet accès.',
  'manage.revoke': 'Révoquer l’accès',
  'manage.revokeNote':
    'La révocation supprime immédiatement vos identifiants de Tether et, si {app} le permet, les annule aussi chez ' +
    '{app}. {requester} est prévenu.',
  'manage.confirmTitle': 'Révoquer cet accès ?',
  'manage.confirmBody':
    '{requester} ne pourra plus utiliser votre compte {app} via « {name} ». Vos identifiants sont supprimés de ' +
    'Tether immédiatement. C’est irréversible, mais {requester} peut vous envoyer un nouveau lien.',
  'manage.confirmBack': 'Retour',
  'manage.confirmSubmit': 'Oui, révoquer l’accès',
  'manage.revokedTitle': 'Accès révoqué',
  'manage.revokedBody':
    'Vous avez révoqué l’accès de « {name} » à votre compte {app}. Vos identifiants ont été supprimés de Tether et ' +
    '{requester} a été prévenu.',
  'manage.revokedAt': 'Révoqué le',
  'manage.notFoundTitle': 'Page introuvable',
  'manage.notFoundHeading': 'Ce lien de gestion ne peut pas être utilisé',
  'manage.notFoundBody': 'Le lien est erroné ou a expiré, ou la connexion qu’il gérait n’existe plus.',
  'email.manageSubject': 'Votre lien de gestion pour {app}',
  'email.manageHello': 'Bonjour,',
  'email.manageBody':
    'Vous avez connecté votre compte {app} pour {requester}. Avec ce lien privé, vous pouvez voir ce que vous avez ' +
    'accordé et révoquer l’accès à tout moment, pendant un an.',
  'email.manageAction': 'Voir ou révoquer l’accès',
  'email.manageAfter':
    'Gardez cet e-mail privé : quiconque possède le lien peut révoquer l’accès. Si vous ne l’avez pas demandé, vous ' + 'pouvez l’ignorer.',
  'choose.title': 'Choisissez le compte à connecter',
  'choose.body': '{app} a donné accès à plusieurs comptes. Choisissez celui à connecter ; les autres peuvent être connectés séparément.',
  'choose.submit': 'Connecter celui-ci',
}
