/** Dashboard URLs of one connection, in one place. */
export const connectionHref = (id: string, rest = '') => `/connections/${encodeURIComponent(id)}${rest}`
