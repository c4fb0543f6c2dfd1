import type { Messages } from './en'

export const ptBR: Messages = {
  'layout.skip': 'Pular para o conteúdo',
  'layout.languages': 'Idioma',
  'steps.label': 'Progresso',
  'steps.review': 'Revisar',
  'steps.signIn': 'Entrar',
  'steps.enterKey': 'Inserir chave',
  'steps.done': 'Concluído',
  'steps.completed': ' (concluído)',

  'invite.titleConnect': 'Conecte sua conta do {app}',
  'invite.titleRefresh': 'Atualize sua conexão com o {app}',
  'invite.asksConnect': 'pede que você conecte sua conta do {app}.',
  'invite.asksRefresh': 'pede que você atualize as credenciais de uma conexão com sua conta do {app}.',
  'invite.connectionName': 'Nome da conexão',
  'invite.access': 'Acesso solicitado',
  'invite.expires': 'O link expira em',
  'invite.noteBefore': 'Depois da conexão, ',
  'invite.noteAfter':
    ' poderá usar essas credenciais em seus fluxos de trabalho. Sua senha ou chave nunca é mostrada, e você pode pedir a exclusão ' +
    'da conexão a qualquer momento.',
  'invite.accept': 'Aceitar e conectar',
  'invite.reject': 'Recusar',
  'access.credentials': 'Suas credenciais do {app} ({fields}), usadas para agir em sua conta',
  'access.apiKey': 'Sua chave de API do {app}, usada para agir em sua conta',

  'form.title': 'Conectar {app}',
  'form.for': 'Para “{name}”',
  'form.couldNotConnect': 'Não foi possível conectar',
  'form.attemptsOne': 'Resta {count} tentativa',
  'form.attemptsOther': 'Restam {count} tentativas',
  'form.attemptsThen': '. Depois disso, este link será bloqueado e você precisará pedir um novo a quem o enviou.',
  'form.checkNote': 'O Tether verifica esses dados com o {app} antes de salvá-los criptografados. Eles nunca mais são exibidos.',
  'form.grant': 'Conceder acesso',

  'error.invalidCredentials': 'O {app} não aceitou essas credenciais. Verifique-as e tente novamente.',
  'error.upstream': 'O {app} não conseguiu verificar essas credenciais agora. Tente novamente mais tarde.',
  'error.tooMany': 'Muitas tentativas no momento. Aguarde alguns minutos e tente novamente.',
  'error.accountMismatch':
    'Esta conexão é da conta do {app} {expected}, mas essas credenciais são de {used}. Nada foi alterado. Use essa conta ou peça ' +
    'a quem enviou este link um novo link que permita outra conta.',
  'error.appUnavailable': 'O login com o {app} não está disponível no momento. Entre em contato com quem enviou o link.',
  'error.generic': 'Algo deu errado. Tente novamente.',
  'error.fieldRequired': 'Preencha o campo {field}.',
  'error.fieldTooLong': 'O campo {field} é longo demais.',
  'error.fieldCharacters': 'O campo {field} contém caracteres inválidos. Copie-o novamente do {app}.',
  'error.required': 'Obrigatório',
  'error.tooLong': 'Longo demais',

  'done.titleCreated': 'Conexão criada',
  'done.titleUpdated': 'Conexão atualizada',
  'done.headingCreated': 'Conexão criada com sucesso',
  'done.headingUpdated': 'Conexão atualizada com sucesso',
  'done.created': 'Sua conta do {app} agora está conectada como “{name}”',
  'done.updated': 'A conexão “{name}” agora usa suas novas credenciais do {app}',
  'done.for': ' para {requester}',
  'done.close': '. Você já pode fechar esta página.',
  'done.period': '.',
  'done.continue': 'Continuar com os outros apps',
  'declined.title': 'Solicitação recusada',
  'declined.body': 'Você recusou a solicitação. Quem a enviou verá que ela foi recusada; nada foi compartilhado.',
  'invalid.title': 'Link indisponível',
  'invalid.heading': 'Este link não pode ser usado',
  'invalid.body': 'Este link de conexão é inválido, já foi usado ou expirou. Entre em contato com quem o enviou para receber um novo link.',
  'locked.title': 'Link bloqueado',
  'locked.heading': 'Este link está bloqueado',
  'locked.body':
    'Este link foi bloqueado depois de muitas chaves incorretas. Entre em contato com quem o enviou para receber um novo link.',
  'signinCancelled.title': 'Login cancelado',
  'signinCancelled.heading': 'O login foi cancelado',
  'signinCancelled.body': 'O {app} não concedeu acesso, então nada foi conectado. O link continua válido.',
  'signinCancelled.retry': 'Tentar novamente',

  'reject.title': 'Recusar esta solicitação?',
  'reject.body':
    'Nada será compartilhado e este link deixará de funcionar: quem o enviou verá que você recusou “{name}” e precisará enviar um ' +
    'novo link se você mudar de ideia.',
  'reject.reason': 'Motivo (opcional, compartilhado com quem enviou)',
  'reject.back': 'Voltar',
  'reject.submit': 'Recusar solicitação',

  'list.title': 'Conecte {count} aplicativos',
  'list.asks': 'pede que você conecte estes aplicativos. Conecte cada um, ou pule ou recuse; você pode fazer um de cada vez.',
  'list.progress': '{done} de {total} conectados',
  'list.finished': 'Todos os aplicativos desta solicitação foram concluídos. Você pode fechar esta página.',
  'list.connect': 'Conectar {app}',
  'list.skip': 'Pular',
  'list.connected': 'Conectado',
  'list.skipped': 'Pulado',
  'list.rejected': 'Recusado',
  'list.closed': 'Não está mais disponível',

  'errorPage.notFound': 'Página não encontrada',
  'errorPage.forbidden': 'Não permitido',
  'errorPage.generic': 'Algo deu errado',
  'errorPage.home': 'Ir para o Tether',

  'done.manageHeading': 'Seu link privado de gerenciamento',
  'done.manageBody':
    'Guarde este link para ver o que você concedeu e revogar o acesso quando quiser, durante um ano. Ele só é ' +
    'mostrado desta vez, e qualquer pessoa que o tenha pode revogar o acesso.',
  'done.manageLabel': 'Link de gerenciamento',
  'done.manageShown':
    'Seu link privado de gerenciamento foi mostrado quando você conectou. Se pediu para recebê-lo por e-mail, ' +
    'procure-o na sua caixa de entrada.',
  'done.emailLabel': 'Enviar este link para o meu e-mail (opcional)',
  'done.emailHelp': 'Enviamos o link uma vez para este endereço e não guardamos o endereço.',
  'done.emailSubmit': 'Enviar o link',
  'done.emailSent': 'Enviamos seu link de gerenciamento para {email}.',
  'done.emailInvalid': 'Informe um endereço de e-mail válido.',
  'done.emailTooMany': 'O link já foi enviado várias vezes. Tente novamente daqui a uma hora.',
  'done.emailFailed': 'Não foi possível enviar o e-mail agora. Tente novamente mais tarde.',
  'manage.title': 'O que você concedeu',
  'manage.heading': 'O que você concedeu a {requester}',
  'manage.app': 'Aplicativo',
  'manage.account': 'Conta',
  'manage.unknownAccount': 'Desconhecida',
  'manage.connection': 'Nome da conexão',
  'manage.requester': 'Quem pediu',
  'manage.granted': 'Concedido em',
  'manage.access': 'Acesso',
  'manage.usage': 'Uso nos últimos 30 dias',
  'manage.runsNone': 'Nenhuma execução de fluxo de trabalho usou este acesso.',
  'manage.runsOne': '{count} execução de fluxo de trabalho usou este acesso.',
  'manage.runsOther': '{count} execuções de fluxos de trabalho usaram este acesso.',
  'manage.revoke': 'Revogar acesso',
  'manage.revokeNote':
    'Ao revogar, suas credenciais são excluídas do Tether na hora e, quando o {app} permite, também são canceladas ' +
    'no {app}. {requester} é avisado.',
  'manage.confirmTitle': 'Revogar este acesso?',
  'manage.confirmBody':
    '{requester} não poderá mais usar sua conta do {app} por meio de “{name}”. Suas credenciais são excluídas do ' +
    'Tether na hora. Isso não pode ser desfeito, mas {requester} pode enviar um novo link.',
  'manage.confirmBack': 'Voltar',
  'manage.confirmSubmit': 'Sim, revogar acesso',
  'manage.revokedTitle': 'Acesso revogado',
  'manage.revokedBody':
    'Você revogou o acesso de “{name}” à sua conta do {app}. Suas credenciais foram excluídas do Tether e ' + '{requester} foi avisado.',
  'manage.revokedAt': 'Revogado em',
  'manage.notFoundTitle': 'Página não encontrada',
  'manage.notFoundHeading': 'Este link de gerenciamento não pode ser usado',
  'manage.notFoundBody': 'O link está errado ou expirou, ou a conexão que ele gerenciava não existe mais.',
  'email.manageSubject': 'Seu link de gerenciamento para {app}',
  'email.manageHello': 'Olá,',
  'email.manageBody':
    'Você conectou sua conta do {app} para {requester}. Com este link privado, você pode ver o que concedeu e ' +
    'revogar o acesso quando quiser, durante um ano.',
  'email.manageAction': 'Ver ou revogar acesso',
  'email.manageAfter':
    'Mantenha este e-mail em sigilo: qualquer pessoa com o link pode revogar o acesso. Se você não pediu, pode ' + 'ignorá-lo.',
  'choose.title': 'Escolha a conta a conectar',
  'choose.body': '{app} deu acesso a mais de uma. Escolha a que deseja conectar; as outras podem ser conectadas separadamente.',
  'choose.submit': 'Conectar esta',
}
