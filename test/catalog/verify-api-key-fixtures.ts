import { brevo } from '../../src/apps/brevo'
import { figma } from '../../src/apps/figma'
import { intercom } from '../../src/apps/intercom'
import { kit } from '../../src/apps/kit'
import { klaviyo } from '../../src/apps/klaviyo'
import { linear } from '../../src/apps/linear'
import { postmark } from '../../src/apps/postmark'
import { sendgrid } from '../../src/apps/sendgrid'
import { stripe } from '../../src/apps/stripe'
import { todoist } from '../../src/apps/todoist'
import type { VerifyCase } from './cases'

/** Each `documented` body is the sample answer on the page cited in the app's file. */
export const apiKeyVerifyCases: VerifyCase[] = [
  {
    app: stripe,
    credentials: { secretKey: 'rk_test_stripe123' },
    documented: {
      id: 'acct_1Nv0FGQ9RKHgCVdK',
      object: 'account',
      business_profile: { name: null, support_email: null, url: null },
      country: 'US',
      default_currency: 'usd',
      email: 'jenny.rosen@example.com',
      type: 'standard',
    },
    request: { method: 'GET', url: 'https://api.stripe.com/v1/account', header: ['authorization', 'Bearer rk_test_stripe123'] },
    account: { label: 'jenny.rosen@example.com', id: 'acct_1Nv0FGQ9RKHgCVdK' },
  },
  {
    app: sendgrid,
    credentials: { apiKey: 'SG.key123' },
    documented: { username: 'test_username', userId: 1 },
    request: { method: 'GET', url: 'https://api.sendgrid.com/v3/user/username', header: ['authorization', 'Bearer SG.key123'] },
    account: { label: 'test_username', id: '1' },
  },
  {
    app: brevo,
    credentials: { apiKey: 'xkeysib-123' },
    documented: {
      email: 'john.smith@example.com',
      firstName: 'John',
      lastName: 'Smith',
      companyName: 'MyCompany',
      address: { street: 'Baker Street', city: 'London', zipCode: '75008', country: 'France' },
      plan: [{ type: 'payAsYouGo', creditsType: 'sendLimit', credits: 1000 }],
    },
    request: { method: 'GET', url: 'https://api.brevo.com/v3/account', header: ['api-key', 'xkeysib-123'] },
    account: { label: 'MyCompany', id: 'john.smith@example.com' },
  },
  {
    app: kit,
    credentials: { apiKey: 'kit_123' },
    documented: {
      user: { id: 1, email: 'test@kit.dev' },
      account: {
        id: 5,
        name: 'Kit Greetings',
        plan_type: 'creator',
        primary_email_address: 'test@kit.dev',
        created_at: '2023-02-17T11:43:55Z',
        timezone: { name: 'America/New_York', friendly_name: 'Eastern Time (US & Canada)', utc_offset: '-05:00' },
      },
    },
    request: { method: 'GET', url: 'https://api.kit.com/v4/account', header: ['x-kit-api-key', 'kit_123'] },
    account: { label: 'Kit Greetings', id: '5' },
  },
  {
    app: klaviyo,
    credentials: { privateKey: 'pk_abc123' },
    documented: {
      data: [
        {
          type: 'account',
          id: 'AbC123',
          attributes: {
            test_account: false,
            contact_information: {
              default_sender_name: 'Klaviyo Demo',
              default_sender_email: 'contact@klaviyo-demo.com',
              website_url: 'https://www.klaviyo.com',
              organization_name: 'Klaviyo Demo',
            },
            industry: 'Software / SaaS',
            timezone: 'US/Eastern',
            preferred_currency: 'USD',
            public_api_key: 'AbC123',
            locale: 'en-US',
          },
          links: { self: 'https://a.klaviyo.com/api/accounts/AbC123/' },
        },
      ],
    },
    request: { method: 'GET', url: 'https://a.klaviyo.com/api/accounts', header: ['authorization', 'Klaviyo-API-Key pk_abc123'] },
    account: { label: 'Klaviyo Demo', id: 'AbC123' },
  },
  {
    app: intercom,
    credentials: { accessToken: 'dG9rOmFiYw==' },
    documented: {
      type: 'admin',
      id: '991267464',
      email: 'admin1@email.com',
      name: 'Ciaran1 Lee',
      email_verified: true,
      app: { type: 'app', id_code: 'this_is_an_id1_that_should_be_at_least_40', name: 'MyApp 1', region: 'US' },
    },
    request: { method: 'GET', url: 'https://api.intercom.io/me', header: ['authorization', 'Bearer dG9rOmFiYw=='] },
    account: { label: 'admin1@email.com (MyApp 1)', id: 'this_is_an_id1_that_should_be_at_least_40' },
  },
  {
    app: linear,
    credentials: { apiKey: 'lin_api_123' },
    documented: { data: { viewer: { id: '9c2c88a6-99d3-4a63-a201-8ee5c7dcc374', name: 'Ada Lovelace', email: 'ada@example.com' } } },
    request: { method: 'POST', url: 'https://api.linear.app/graphql', header: ['authorization', 'lin_api_123'] },
    account: { label: 'ada@example.com', id: '9c2c88a6-99d3-4a63-a201-8ee5c7dcc374' },
  },
  {
    app: figma,
    credentials: { accessToken: 'figd_123' },
    documented: { id: '1234567890', email: 'dev@figma.com', handle: 'Figma Dev', img_url: 'https://www.figma.com/img/abc' },
    request: { method: 'GET', url: 'https://api.figma.com/v1/me', header: ['x-figma-token', 'figd_123'] },
    account: { label: 'dev@figma.com', id: '1234567890' },
  },
  {
    app: postmark,
    credentials: { serverToken: 'server-token-1' },
    documented: { ID: 1, Name: 'Staging Testing', ApiTokens: ['server token'], Color: 'red', SmtpApiActivated: true },
    request: { method: 'GET', url: 'https://api.postmarkapp.com/server', header: ['x-postmark-server-token', 'server-token-1'] },
    account: { label: 'Staging Testing', id: '1' },
  },
  {
    app: todoist,
    credentials: { apiToken: '0123456789abcdef' },
    documented: { id: '2671355', email: 'me@example.com', full_name: 'Test User', inbox_project_id: '6X7rM8997g3RQmvh', is_premium: true },
    request: { method: 'GET', url: 'https://api.todoist.com/api/v1/user', header: ['authorization', 'Bearer 0123456789abcdef'] },
    account: { label: 'me@example.com', id: '2671355' },
  },
]
