/** Dashboard URLs of one connection, in one place. */
export const connectionHref = (id: string, rest = '') => `/connections/${encodeURIComponent(id)}${rest}`
/** The owner's notification list; its posts mark read. */
export const NOTIFICATIONS_PATH = '/notifications'
