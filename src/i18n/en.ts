import { INVALID_LINK_MESSAGE, LOCKED_LINK_MESSAGE } from '../domain/links'

/**
 * The client pages' words in English. This file defines the keys: every other language has exactly these, with the
 * same `{placeholders}` (src/i18n/catalogs.test.ts). App data (field labels, scopes) comes from the app files.
 */
export const en = {
  'layout.skip': 'Skip to content',
  'layout.languages': 'Language',
  'layout.securedBy': 'Secured by Tether',
  'layout.ownerLogo': 'Logo of the requester',
  'outcome.backTo': 'Back to {name}',
  'outcome.back': 'Go back to the requester',
  'steps.label': 'Progress',
  'steps.review': 'Review',
  'steps.signIn': 'Sign in',
  'steps.enterKey': 'Enter key',
  'steps.done': 'Done',
  'steps.completed': ' (completed)',

  'invite.titleConnect': 'Connect your {app} account',
  'invite.titleRefresh': 'Refresh your {app} connection',
  'invite.asksConnect': 'asks you to connect your {app} account.',
  'invite.asksRefresh': 'asks you to refresh the credentials of a connection to your {app} account.',
  'invite.connectionName': 'Connection name',
  'invite.access': 'Access requested',
  'invite.expires': 'Link expires',
  'invite.noteBefore': 'Once connected, ',
  'invite.noteAfter':
    ' will be able to use these credentials in their workflows. Your password or key is never shown to them, and you can ask them to ' +
    'delete the connection at any time.',
  'invite.accept': 'Accept & Connect',
  'invite.reject': 'Reject',
  'access.credentials': 'Your {app} credentials ({fields}), used to act on your account',
  'access.apiKey': 'Your {app} API key, used to act on your account',

  'form.title': 'Connect {app}',
  'form.for': 'For “{name}”',
  'form.couldNotConnect': 'We couldn’t connect',
  'form.attemptsOne': '{count} attempt left',
  'form.attemptsOther': '{count} attempts left',
  'form.attemptsThen': '. After that this link locks and you will need a new one from your requester.',
  'form.checkNote': 'Tether checks these with {app} before saving them, encrypted. They are never shown again.',
  'form.grant': 'Grant Access',

  'error.invalidCredentials': '{app} did not accept these credentials. Please check them and try again.',
  'error.upstream': '{app} could not check these credentials right now. Please try again later.',
  'error.tooMany': 'Too many attempts right now. Please wait a few minutes and try again.',
  'error.accountMismatch':
    'This connection is for the {app} account {expected}, but these credentials are for {used}. Nothing was changed. Use that account, ' +
    'or ask the person who sent you this link for one that allows a different account.',
  'error.appUnavailable': 'Signing in with {app} is not available right now. Please contact your requester.',
  'error.generic': 'Something went wrong. Please try again.',
  'error.fieldRequired': 'Please fill in {field}.',
  'error.fieldTooLong': '{field} is too long.',
  'error.fieldCharacters': '{field} contains characters it cannot have. Please copy it again from {app}.',
  'error.required': 'Required',
  'error.tooLong': 'Too long',

  'done.titleCreated': 'Connection created',
  'done.titleUpdated': 'Connection updated',
  'done.headingCreated': 'Connection created successfully',
  'done.headingUpdated': 'Connection updated successfully',
  'done.created': 'Your {app} account is now connected as “{name}”',
  'done.updated': 'The connection “{name}” now uses your new {app} credentials',
  'done.for': ' for {requester}',
  'done.close': '. You can close this page.',
  'done.period': '.',
  'done.continue': 'Continue with the other apps',
  'declined.title': 'Request declined',
  'declined.body': 'You declined the request. The requester will see that it was rejected; nothing was shared.',
  'invalid.title': 'Link unavailable',
  'invalid.heading': 'This link can’t be used',
  'invalid.body': INVALID_LINK_MESSAGE,
  'locked.title': 'Link locked',
  'locked.heading': 'This link is locked',
  'locked.body': LOCKED_LINK_MESSAGE,
  'signinCancelled.title': 'Sign-in cancelled',
  'signinCancelled.heading': 'Sign-in was cancelled',
  'signinCancelled.body': '{app} did not grant access, so nothing was connected. The link still works.',
  'signinCancelled.retry': 'Try again',

  'reject.title': 'Reject this request?',
  'reject.body':
    'Nothing will be shared, and this link stops working: the requester will see that you declined “{name}” and needs to send a new ' +
    'link if you change your mind.',
  'reject.reason': 'Reason (optional, shared with the requester)',
  'reject.back': 'Back',
  'reject.submit': 'Reject request',

  'list.title': 'Connect {count} apps',
  'list.asks': 'asks you to connect these apps. Connect each one, or skip or reject it; you can do them one at a time.',
  'list.progress': '{done} of {total} connected',
  'list.finished': 'Every app in this request is done. You can close this page.',
  'list.connect': 'Connect {app}',
  'list.skip': 'Skip',
  'list.connected': 'Connected',
  'list.skipped': 'Skipped',
  'list.rejected': 'Rejected',
  'list.closed': 'No longer available',

  'errorPage.notFound': 'Page not found',
  'errorPage.forbidden': 'Not allowed',
  'errorPage.generic': 'Something went wrong',
  'errorPage.home': 'Go to Tether',

  'done.manageHeading': 'Your private management link',
  'done.manageBody':
    'Keep this link to see what you granted and to revoke the access at any time, for a year. It is shown only this ' +
    'once, and anyone who has it can revoke the access.',
  'done.manageLabel': 'Management link',
  'done.manageShown': 'Your private management link was shown when you connected. If you had it emailed to you, look for it in your inbox.',
  'done.emailLabel': 'Email me this link (optional)',
  'done.emailHelp': 'We send the link to this address once and do not keep the address.',
  'done.emailSubmit': 'Send the link',
  'done.emailSent': 'We sent your management link to {email}.',
  'done.emailInvalid': 'Please enter a valid email address.',
  'done.emailTooMany': 'The link was already sent several times. Please try again in an hour.',
  'done.emailFailed': 'We could not send the email right now. Please try again later.',
  'manage.title': 'What you granted',
  'manage.heading': 'What you granted to {requester}',
  'manage.app': 'App',
  'manage.account': 'Account',
  'manage.unknownAccount': 'Not known',
  'manage.connection': 'Connection name',
  'manage.requester': 'Who asked',
  'manage.granted': 'Granted',
  'manage.access': 'Access',
  'manage.usage': 'Use in the last 30 days',
  'manage.runsNone': 'No workflow run used this access.',
  'manage.runsOne': '{count} workflow run used this access.',
  'manage.runsOther': '{count} workflow runs used this access.',
  'manage.revoke': 'Revoke access',
  'manage.revokeNote':
    'Revoking deletes your credentials from Tether at once and, where {app} allows it, cancels them at {app} too. ' +
    '{requester} is told.',
  'manage.confirmTitle': 'Revoke this access?',
  'manage.confirmBody':
    '{requester} will no longer be able to use your {app} account through “{name}”. Your credentials are deleted ' +
    'from Tether at once. This cannot be undone, but {requester} can send you a new link.',
  'manage.confirmBack': 'Back',
  'manage.confirmSubmit': 'Yes, revoke access',
  'manage.revokedTitle': 'Access revoked',
  'manage.revokedBody':
    'You revoked the access of “{name}” to your {app} account. Your credentials are deleted from Tether and ' +
    '{requester} has been told.',
  'manage.revokedAt': 'Revoked',
  'manage.notFoundTitle': 'Page not found',
  'manage.notFoundHeading': 'This management link can’t be used',
  'manage.notFoundBody': 'The link is wrong or has expired, or the connection it managed no longer exists.',
  'email.manageSubject': 'Your management link for {app}',
  'email.manageHello': 'Hello,',
  'email.manageBody':
    'You connected your {app} account for {requester}. With this private link you can see what you granted and ' +
    'revoke the access at any time, for a year.',
  'email.manageAction': 'Review or revoke access',
  'email.manageAfter': 'Keep this email private: anyone with the link can revoke the access. If you did not ask for it, you can ignore it.',
  'choose.title': 'Choose the account to connect',
  'choose.body': '{app} gave access to more than one. Choose the one to connect; the others can be connected separately.',
  'choose.submit': 'Connect this one',
}

export type MessageKey = keyof typeof en
export type Messages = Record<MessageKey, string>
