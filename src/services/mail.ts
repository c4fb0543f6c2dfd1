import type { EmailContent } from '../domain/emails'
import type { Deps } from './deps'

/** Through the Workers `send_email` binding (Cloudflare Email Service); `wrangler dev` prints and lists what it sends. */
export async function sendMail(deps: Pick<Deps, 'env' | 'config'>, to: string, content: EmailContent): Promise<void> {
  await deps.env.EMAIL.send({ from: { email: deps.config.emailFrom, name: 'Tether' }, to, ...content })
}
