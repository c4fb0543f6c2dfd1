import { env } from 'cloudflare:workers'
import { configureProperties } from './property'

// FC_SEED reaches the Workers runtime only as a binding (vitest.config.ts passes it through).
configureProperties(env.FC_SEED)
