import { brevo } from '../../src/apps/brevo'
import { intercom } from '../../src/apps/intercom'
import { kit } from '../../src/apps/kit'
import { klaviyo } from '../../src/apps/klaviyo'
import { linear } from '../../src/apps/linear'
import { postmark } from '../../src/apps/postmark'
import { sendgrid } from '../../src/apps/sendgrid'
import { stripe } from '../../src/apps/stripe'
import { todoist } from '../../src/apps/todoist'
import type { ActionCase } from './cases'

/** Replies are the sample answers of the action's documentation page (cited in the app's file). */
export const apiKeyActionCases: ActionCase[] = [
  {
    app: stripe,
    action: 'create-customer',
    credentials: { secretKey: 'rk_test_action' },
    input: { email: 'jennyrosen@example.com', name: 'Jenny Rosen' },
    replies: [
      { status: 200, body: { id: 'cus_NffrFeUfNV2Hib', object: 'customer', email: 'jennyrosen@example.com', name: 'Jenny Rosen' } },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://api.stripe.com/v1/customers',
        header: ['authorization', 'Bearer rk_test_action'],
        form: { email: 'jennyrosen@example.com', name: 'Jenny Rosen' },
      },
    ],
    output: { customerId: 'cus_NffrFeUfNV2Hib', email: 'jennyrosen@example.com' },
  },
  {
    app: sendgrid,
    action: 'send-email',
    credentials: { apiKey: 'SG.action' },
    input: { from: 'sender@example.com', to: 'john.doe@example.com', subject: 'Hello, World!', body: 'Heya!' },
    replies: [{ status: 202 }],
    requests: [
      {
        method: 'POST',
        url: 'https://api.sendgrid.com/v3/mail/send',
        header: ['authorization', 'Bearer SG.action'],
        json: {
          personalizations: [{ to: [{ email: 'john.doe@example.com' }] }],
          from: { email: 'sender@example.com' },
          subject: 'Hello, World!',
          content: [{ type: 'text/plain', value: 'Heya!' }],
        },
      },
    ],
    output: { accepted: true },
  },
  {
    app: brevo,
    action: 'add-contact',
    credentials: { apiKey: 'xkeysib-action' },
    input: { email: 'elly@example.com', firstName: 'Elly', lastName: 'Roger', listId: '2' },
    replies: [{ status: 201, body: { id: 21 } }],
    requests: [
      {
        method: 'POST',
        url: 'https://api.brevo.com/v3/contacts',
        header: ['api-key', 'xkeysib-action'],
        json: { email: 'elly@example.com', attributes: { FIRSTNAME: 'Elly', LASTNAME: 'Roger' }, updateEnabled: true, listIds: [2] },
      },
    ],
    output: { contactId: '21' },
  },
  {
    app: kit,
    action: 'add-subscriber',
    credentials: { apiKey: 'kit_action' },
    input: { email: 'alice@kit.dev', firstName: 'Alice' },
    replies: [
      {
        status: 201,
        body: {
          subscriber: { id: 286, first_name: 'Alice', email_address: 'alice@kit.dev', state: 'active', created_at: '2023-02-17T11:43:55Z' },
        },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://api.kit.com/v4/subscribers',
        header: ['x-kit-api-key', 'kit_action'],
        json: { email_address: 'alice@kit.dev', first_name: 'Alice' },
      },
    ],
    output: { subscriberId: '286', state: 'active' },
  },
  {
    app: klaviyo,
    action: 'create-profile',
    credentials: { privateKey: 'pk_action' },
    input: { email: 'sarah.mason@klaviyo-demo.com', firstName: 'Sarah', lastName: 'Mason' },
    replies: [
      {
        status: 201,
        body: { data: { type: 'profile', id: '01GDDKASAP8TKDDA2GRZDSVP4H', attributes: { email: 'sarah.mason@klaviyo-demo.com' } } },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://a.klaviyo.com/api/profiles',
        header: ['revision', '2025-01-15'],
        json: { data: { type: 'profile', attributes: { email: 'sarah.mason@klaviyo-demo.com', first_name: 'Sarah', last_name: 'Mason' } } },
      },
    ],
    output: { profileId: '01GDDKASAP8TKDDA2GRZDSVP4H' },
  },
  {
    app: intercom,
    action: 'create-contact',
    credentials: { accessToken: 'intercom-action' },
    input: { email: 'joebloggs@intercom.io', name: 'Joe Bloggs' },
    replies: [{ status: 200, body: { type: 'contact', id: '6762f0dd1bb69f9f2193bb83', role: 'user', email: 'joebloggs@intercom.io' } }],
    requests: [
      {
        method: 'POST',
        url: 'https://api.intercom.io/contacts',
        header: ['authorization', 'Bearer intercom-action'],
        json: { role: 'user', email: 'joebloggs@intercom.io', name: 'Joe Bloggs' },
      },
    ],
    output: { contactId: '6762f0dd1bb69f9f2193bb83' },
  },
  {
    app: linear,
    action: 'create-issue',
    credentials: { apiKey: 'lin_api_action' },
    input: { teamId: '9cfb482a-81e3-4154-b5b9-2c805e70a02d', title: 'New exception', description: 'More detailed error report' },
    replies: [
      {
        status: 200,
        body: {
          data: {
            issueCreate: {
              success: true,
              issue: { id: 'a1b2c3d4-0000-4000-8000-000000000001', identifier: 'ENG-123', url: 'https://linear.app/acme/issue/ENG-123' },
            },
          },
        },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://api.linear.app/graphql',
        header: ['authorization', 'lin_api_action'],
        json: {
          query: 'mutation ($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { id identifier url } } }',
          variables: {
            input: { teamId: '9cfb482a-81e3-4154-b5b9-2c805e70a02d', title: 'New exception', description: 'More detailed error report' },
          },
        },
      },
    ],
    output: { issueId: 'a1b2c3d4-0000-4000-8000-000000000001', identifier: 'ENG-123', url: 'https://linear.app/acme/issue/ENG-123' },
  },
  {
    app: postmark,
    action: 'send-email',
    credentials: { serverToken: 'server-token-action' },
    input: { from: 'sender@example.com', to: 'receiver@example.com', subject: 'Test', body: 'Hello dear Postmark user.' },
    replies: [
      {
        status: 200,
        body: {
          To: 'receiver@example.com',
          SubmittedAt: '2014-02-17T07:25:01.4178645-05:00',
          MessageID: '0a129aee-e1cd-480d-b08d-4f48548ff48d',
          ErrorCode: 0,
          Message: 'OK',
        },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://api.postmarkapp.com/email',
        header: ['x-postmark-server-token', 'server-token-action'],
        json: { From: 'sender@example.com', To: 'receiver@example.com', Subject: 'Test', TextBody: 'Hello dear Postmark user.' },
      },
    ],
    output: { messageId: '0a129aee-e1cd-480d-b08d-4f48548ff48d' },
  },
  {
    app: todoist,
    action: 'create-task',
    credentials: { apiToken: 'todoist-action' },
    input: { content: 'Buy Milk', due: 'tomorrow at 12' },
    replies: [{ status: 200, body: { id: '6X7rM8997g3RQmvh', content: 'Buy Milk', project_id: '6Jf8VQXxpwv56VQ7', checked: false } }],
    requests: [
      {
        method: 'POST',
        url: 'https://api.todoist.com/api/v1/tasks',
        header: ['authorization', 'Bearer todoist-action'],
        json: { content: 'Buy Milk', due_string: 'tomorrow at 12' },
      },
    ],
    output: { taskId: '6X7rM8997g3RQmvh' },
  },
]
