import type { Messages } from './en'

export const es: Messages = {
  'layout.skip': 'Saltar al contenido',
  'layout.languages': 'Idioma',
  'layout.securedBy': 'Protegido por Tether',
  'layout.ownerLogo': 'Logotipo de quien lo solicita',
  'outcome.backTo': 'Volver a {name}',
  'outcome.back': 'Volver con quien lo solicitó',
  'steps.label': 'Progreso',
  'steps.review': 'Revisar',
  'steps.signIn': 'Iniciar sesión',
  'steps.enterKey': 'Introducir clave',
  'steps.done': 'Listo',
  'steps.completed': ' (completado)',

  'invite.titleConnect': 'Conecte su cuenta de {app}',
  'invite.titleRefresh': 'Actualice su conexión con {app}',
  'invite.asksConnect': 'le pide que conecte su cuenta de {app}.',
  'invite.asksRefresh': 'le pide que actualice las credenciales de una conexión con su cuenta de {app}.',
  'invite.connectionName': 'Nombre de la conexión',
  'invite.access': 'Acceso solicitado',
  'invite.expires': 'El enlace caduca',
  'invite.noteBefore': 'Una vez conectada la cuenta, ',
  'invite.noteAfter':
    ' podrá usar estas credenciales en sus flujos de trabajo. Nunca verá su contraseña ni su clave, y usted puede pedirle que elimine ' +
    'la conexión en cualquier momento.',
  'invite.accept': 'Aceptar y conectar',
  'invite.reject': 'Rechazar',
  'access.credentials': 'Sus credenciales de {app} ({fields}), que se usan para actuar en su cuenta',
  'access.apiKey': 'Su clave de API de {app}, que se usa para actuar en su cuenta',

  'form.title': 'Conectar {app}',
  'form.for': 'Para «{name}»',
  'form.couldNotConnect': 'No hemos podido conectar',
  'form.attemptsOne': 'Le queda {count} intento',
  'form.attemptsOther': 'Le quedan {count} intentos',
  'form.attemptsThen': '. Después, este enlace se bloqueará y necesitará uno nuevo de la persona que se lo envió.',
  'form.checkNote': 'Tether las comprueba con {app} antes de guardarlas cifradas. No se vuelven a mostrar nunca.',
  'form.grant': 'Conceder acceso',

  'error.invalidCredentials': '{app} no ha aceptado estas credenciales. Revíselas e inténtelo de nuevo.',
  'error.upstream': '{app} no ha podido comprobar estas credenciales en este momento. Inténtelo de nuevo más tarde.',
  'error.tooMany': 'Demasiados intentos en este momento. Espere unos minutos e inténtelo de nuevo.',
  'error.accountMismatch':
    'Esta conexión es para la cuenta de {app} {expected}, pero estas credenciales son de {used}. No se ha cambiado nada. Use esa ' +
    'cuenta o pida a la persona que le envió este enlace uno que permita otra cuenta.',
  'error.appUnavailable':
    'El inicio de sesión con {app} no está disponible en este momento. Póngase en contacto con la persona que le envió el enlace.',
  'error.generic': 'Algo ha salido mal. Inténtelo de nuevo.',
  'error.fieldRequired': 'Rellene el campo {field}.',
  'error.fieldTooLong': 'El campo {field} es demasiado largo.',
  'error.fieldCharacters': 'El campo {field} contiene caracteres no válidos. Cópielo de nuevo desde {app}.',
  'error.required': 'Obligatorio',
  'error.tooLong': 'Demasiado largo',

  'done.titleCreated': 'Conexión creada',
  'done.titleUpdated': 'Conexión actualizada',
  'done.headingCreated': 'Conexión creada correctamente',
  'done.headingUpdated': 'Conexión actualizada correctamente',
  'done.created': 'Su cuenta de {app} ya está conectada como «{name}»',
  'done.updated': 'La conexión «{name}» ya usa sus nuevas credenciales de {app}',
  'done.for': ' para {requester}',
  'done.close': '. Ya puede cerrar esta página.',
  'done.period': '.',
  'done.continue': 'Continuar con las demás apps',
  'declined.title': 'Solicitud rechazada',
  'declined.body': 'Ha rechazado la solicitud. La persona que la envió verá que fue rechazada; no se ha compartido nada.',
  'invalid.title': 'Enlace no disponible',
  'invalid.heading': 'Este enlace no se puede usar',
  'invalid.body':
    'Este enlace de conexión no es válido, ya se ha usado o ha caducado. Póngase en contacto con la persona que se lo envió para ' +
    'obtener uno nuevo.',
  'locked.title': 'Enlace bloqueado',
  'locked.heading': 'Este enlace está bloqueado',
  'locked.body':
    'Este enlace se ha bloqueado tras demasiadas claves incorrectas. Póngase en contacto con la persona que se lo envió para obtener ' +
    'uno nuevo.',
  'signinCancelled.title': 'Inicio de sesión cancelado',
  'signinCancelled.heading': 'Se canceló el inicio de sesión',
  'signinCancelled.body': '{app} no concedió el acceso, así que no se ha conectado nada. El enlace sigue siendo válido.',
  'signinCancelled.retry': 'Intentarlo de nuevo',

  'reject.title': '¿Rechazar esta solicitud?',
  'reject.body':
    'No se compartirá nada y este enlace dejará de funcionar: la persona que lo envió verá que ha rechazado «{name}» y tendrá que ' +
    'enviarle un enlace nuevo si cambia de opinión.',
  'reject.reason': 'Motivo (opcional, se compartirá con la persona que lo envió)',
  'reject.back': 'Volver',
  'reject.submit': 'Rechazar solicitud',

  'list.title': 'Conecta {count} aplicaciones',
  'list.asks': 'te pide que conectes estas aplicaciones. Conecta cada una, o sáltala o recházala; puedes hacerlas de una en una.',
  'list.progress': '{done} de {total} conectadas',
  'list.finished': 'Todas las aplicaciones de esta solicitud están listas. Puedes cerrar esta página.',
  'list.connect': 'Conectar {app}',
  'list.skip': 'Omitir',
  'list.connected': 'Conectada',
  'list.skipped': 'Omitida',
  'list.rejected': 'Rechazada',
  'list.closed': 'Ya no está disponible',

  'errorPage.notFound': 'Página no encontrada',
  'errorPage.forbidden': 'No permitido',
  'errorPage.generic': 'Algo ha salido mal',
  'errorPage.home': 'Ir a Tether',

  'done.manageHeading': 'Tu enlace privado de gestión',
  'done.manageBody':
    'Guarda este enlace para ver lo que concediste y revocar el acceso cuando quieras, durante un año. Solo se ' +
    'muestra esta vez, y cualquiera que lo tenga puede revocar el acceso.',
  'done.manageLabel': 'Enlace de gestión',
  'done.manageShown':
    'Tu enlace privado de gestión se mostró al conectar. Si pediste que te lo enviáramos por correo, búscalo en tu ' +
    'bandeja de entrada.',
  'done.emailLabel': 'Envíame este enlace por correo (opcional)',
  'done.emailHelp': 'Enviamos el enlace a esta dirección una vez y no guardamos la dirección.',
  'done.emailSubmit': 'Enviar el enlace',
  'done.emailSent': 'Enviamos tu enlace de gestión a {email}.',
  'done.emailInvalid': 'Introduce una dirección de correo válida.',
  'done.emailTooMany': 'El enlace ya se envió varias veces. Vuelve a intentarlo dentro de una hora.',
  'done.emailFailed': 'No pudimos enviar el correo ahora. Vuelve a intentarlo más tarde.',
  'manage.title': 'Lo que concediste',
  'manage.heading': 'Lo que concediste a {requester}',
  'manage.app': 'Aplicación',
  'manage.account': 'Cuenta',
  'manage.unknownAccount': 'Desconocida',
  'manage.connection': 'Nombre de la conexión',
  'manage.requester': 'Quién lo pidió',
  'manage.granted': 'Concedido',
  'manage.access': 'Acceso',
  'manage.usage': 'Uso en los últimos 30 días',
  'manage.runsNone': 'Ninguna ejecución de flujo de trabajo usó este acceso.',
  'manage.runsOne': '{count} ejecución de flujo de trabajo usó este acceso.',
  'manage.runsOther': '{count} ejecuciones de flujos de trabajo usaron este acceso.',
  'manage.revoke': 'Revocar el acceso',
  'manage.revokeNote':
    'Al revocarlo, tus credenciales se eliminan de Tether de inmediato y, si {app} lo permite, también se anulan en ' +
    '{app}. Se avisa a {requester}.',
  'manage.confirmTitle': '¿Revocar este acceso?',
  'manage.confirmBody':
    '{requester} ya no podrá usar tu cuenta de {app} a través de «{name}». Tus credenciales se eliminan de Tether ' +
    'de inmediato. No se puede deshacer, pero {requester} puede enviarte un enlace nuevo.',
  'manage.confirmBack': 'Volver',
  'manage.confirmSubmit': 'Sí, revocar el acceso',
  'manage.revokedTitle': 'Acceso revocado',
  'manage.revokedBody':
    'Revocaste el acceso de «{name}» a tu cuenta de {app}. Tus credenciales se eliminaron de Tether y se avisó a ' + '{requester}.',
  'manage.revokedAt': 'Revocado',
  'manage.notFoundTitle': 'Página no encontrada',
  'manage.notFoundHeading': 'Este enlace de gestión no se puede usar',
  'manage.notFoundBody': 'El enlace es incorrecto o ha caducado, o la conexión que gestionaba ya no existe.',
  'email.manageSubject': 'Tu enlace de gestión para {app}',
  'email.manageHello': 'Hola:',
  'email.manageBody':
    'Conectaste tu cuenta de {app} para {requester}. Con este enlace privado puedes ver lo que concediste y revocar ' +
    'el acceso cuando quieras, durante un año.',
  'email.manageAction': 'Revisar o revocar el acceso',
  'email.manageAfter':
    'Mantén este correo en privado: cualquiera que tenga el enlace puede revocar el acceso. Si no lo pediste, ' + 'puedes ignorarlo.',
  'choose.title': 'Elige la cuenta que quieres conectar',
  'choose.body': '{app} ha dado acceso a más de una. Elige la que quieres conectar; las demás se pueden conectar por separado.',
  'choose.submit': 'Conectar esta',
}
