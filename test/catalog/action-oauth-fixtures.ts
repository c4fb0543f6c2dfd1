import { airtable } from '../../src/apps/airtable'
import { asana } from '../../src/apps/asana'
import { box } from '../../src/apps/box'
import { calendly } from '../../src/apps/calendly'
import { dropbox } from '../../src/apps/dropbox'
import { github } from '../../src/apps/github'
import { gitlab } from '../../src/apps/gitlab'
import { googleCalendar } from '../../src/apps/google-calendar'
import { googleDrive } from '../../src/apps/google-drive'
import { hubspot } from '../../src/apps/hubspot'
import { microsoftOutlook } from '../../src/apps/microsoft-outlook'
import { microsoftTeams } from '../../src/apps/microsoft-teams'
import { monday } from '../../src/apps/monday'
import { notion } from '../../src/apps/notion'
import { x } from '../../src/apps/x'
import { zoom } from '../../src/apps/zoom'
import type { ActionCase } from './cases'

const token = { accessToken: 'action-token' }
const bearer: [string, string] = ['authorization', 'Bearer action-token']

/** Replies are the sample answers of the action's documentation page (cited in the app's file). */
export const oauthActionCases: ActionCase[] = [
  {
    app: x,
    action: 'create-post',
    credentials: token,
    input: { text: 'Hello world!' },
    replies: [{ status: 201, body: { data: { id: '1445880548472328192', text: 'Hello world!' } } }],
    requests: [{ method: 'POST', url: 'https://api.x.com/2/tweets', header: bearer, json: { text: 'Hello world!' } }],
    output: { postId: '1445880548472328192', url: 'https://x.com/i/web/status/1445880548472328192' },
  },
  {
    app: hubspot,
    action: 'create-contact',
    credentials: token,
    input: { email: 'bcooper@biglytics.net', firstName: 'Bryan', lastName: 'Cooper' },
    replies: [
      {
        status: 201,
        body: {
          id: '512',
          properties: { email: 'bcooper@biglytics.net', firstname: 'Bryan', lastname: 'Cooper' },
          createdAt: '2020-08-27T20:57:32.046Z',
          archived: false,
        },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://api.hubapi.com/crm/v3/objects/contacts',
        header: bearer,
        json: { properties: { email: 'bcooper@biglytics.net', firstname: 'Bryan', lastname: 'Cooper' } },
      },
    ],
    output: { contactId: '512' },
  },
  {
    app: notion,
    action: 'create-page',
    credentials: token,
    input: { parentPageId: '98ad959b-2b6a-4774-80ee-00246fb0ea9b', title: 'Tuscan kale' },
    replies: [
      {
        status: 200,
        body: {
          object: 'page',
          id: '59833787-2cf9-4fdf-8782-e53db20768a5',
          url: 'https://www.notion.so/Tuscan-kale-598337872cf94fdf8782e53db20768a5',
        },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://api.notion.com/v1/pages',
        header: ['notion-version', '2022-06-28'],
        json: {
          parent: { page_id: '98ad959b-2b6a-4774-80ee-00246fb0ea9b' },
          properties: { title: { title: [{ text: { content: 'Tuscan kale' } }] } },
        },
      },
    ],
    output: { pageId: '59833787-2cf9-4fdf-8782-e53db20768a5', url: 'https://www.notion.so/Tuscan-kale-598337872cf94fdf8782e53db20768a5' },
  },
  {
    app: airtable,
    action: 'create-record',
    credentials: token,
    input: { baseId: 'appYourBaseId123', table: 'Design projects', fields: '{"Name": "Coffee packaging", "Client": "Boreal"}' },
    replies: [
      { status: 200, body: { id: 'rec560UJdUtocSouk', createdTime: '2022-09-12T21:03:48.000Z', fields: { Name: 'Coffee packaging' } } },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://api.airtable.com/v0/appYourBaseId123/Design%20projects',
        header: bearer,
        json: { fields: { Name: 'Coffee packaging', Client: 'Boreal' } },
      },
    ],
    output: { recordId: 'rec560UJdUtocSouk', createdTime: '2022-09-12T21:03:48.000Z' },
  },
  {
    app: asana,
    action: 'create-task',
    credentials: token,
    input: { projectId: '1331', name: 'Buy catnip', notes: 'Mittens really likes the stuff from Humboldt.' },
    replies: [
      {
        status: 201,
        body: {
          data: {
            gid: '12345',
            resource_type: 'task',
            name: 'Buy catnip',
            permalink_url: 'https://app.asana.com/0/resource/123456789/list',
          },
        },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://app.asana.com/api/1.0/tasks',
        header: bearer,
        json: { data: { name: 'Buy catnip', projects: ['1331'], notes: 'Mittens really likes the stuff from Humboldt.' } },
      },
    ],
    output: { taskId: '12345', url: 'https://app.asana.com/0/resource/123456789/list' },
  },
  {
    app: monday,
    action: 'create-item',
    credentials: token,
    input: { boardId: '1234567890', name: 'New item' },
    replies: [{ status: 200, body: { data: { create_item: { id: '9876543210' } } } }],
    requests: [
      {
        method: 'POST',
        url: 'https://api.monday.com/v2',
        header: ['authorization', 'action-token'],
        json: {
          query: 'mutation ($board: ID!, $name: String!) { create_item (board_id: $board, item_name: $name) { id } }',
          variables: { board: '1234567890', name: 'New item' },
        },
      },
    ],
    output: { itemId: '9876543210' },
  },
  {
    app: calendly,
    action: 'list-events',
    credentials: token,
    input: { count: '2' },
    replies: [
      { status: 200, body: { resource: { uri: 'https://api.calendly.com/users/AAAAAAAAAAAAAAAA', email: 'user@example.com' } } },
      {
        status: 200,
        body: {
          collection: [
            {
              uri: 'https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2',
              name: '15 Minute Meeting',
              status: 'active',
              start_time: '2019-08-24T14:15:22.123456Z',
              end_time: '2019-08-24T14:30:22.123456Z',
            },
          ],
          pagination: { count: 1, next_page: null },
        },
      },
    ],
    requests: [
      { method: 'GET', url: 'https://api.calendly.com/users/me', header: bearer },
      {
        method: 'GET',
        url:
          'https://api.calendly.com/scheduled_events?user=https%3A%2F%2Fapi.calendly.com%2Fusers%2FAAAAAAAAAAAAAAAA' +
          '&status=active&sort=start_time%3Aasc&count=2',
        header: bearer,
      },
    ],
    output: {
      events: [
        {
          uri: 'https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2',
          name: '15 Minute Meeting',
          startTime: '2019-08-24T14:15:22.123456Z',
        },
      ],
    },
  },
  {
    app: zoom,
    action: 'create-meeting',
    credentials: token,
    input: { topic: 'My Meeting', startTime: '2022-03-25T07:29:29Z', duration: '60' },
    replies: [
      { status: 201, body: { id: 92674392836, topic: 'My Meeting', type: 2, join_url: 'https://example.com/j/11111', duration: 60 } },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://api.zoom.us/v2/users/me/meetings',
        header: bearer,
        json: { topic: 'My Meeting', type: 2, start_time: '2022-03-25T07:29:29Z', duration: 60 },
      },
    ],
    output: { meetingId: '92674392836', joinUrl: 'https://example.com/j/11111' },
  },
  {
    app: microsoftOutlook,
    action: 'send-email',
    credentials: token,
    input: { to: 'frannis@contoso.com', subject: 'Meet for lunch?', body: 'The new cafeteria is open.' },
    replies: [{ status: 202 }],
    requests: [
      {
        method: 'POST',
        url: 'https://graph.microsoft.com/v1.0/me/sendMail',
        header: bearer,
        json: {
          message: {
            subject: 'Meet for lunch?',
            body: { contentType: 'Text', content: 'The new cafeteria is open.' },
            toRecipients: [{ emailAddress: { address: 'frannis@contoso.com' } }],
          },
        },
      },
    ],
    output: { sent: true },
  },
  {
    app: microsoftTeams,
    action: 'post-message',
    credentials: token,
    input: {
      teamId: 'fbe2bf47-16c8-47cf-b4a5-4b9b187c508b',
      channelId: '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2',
      text: 'Hello World',
    },
    replies: [
      {
        status: 201,
        body: {
          id: '1616990032035',
          messageType: 'message',
          webUrl: 'https://teams.microsoft.com/l/message/19%3A4a95f7d8db4c4e7fae857bcebe0623e6%40thread.tacv2/1616990032035',
        },
      },
    ],
    requests: [
      {
        method: 'POST',
        url:
          'https://graph.microsoft.com/v1.0/teams/fbe2bf47-16c8-47cf-b4a5-4b9b187c508b' +
          '/channels/19%3A4a95f7d8db4c4e7fae857bcebe0623e6%40thread.tacv2/messages',
        header: bearer,
        json: { body: { contentType: 'text', content: 'Hello World' } },
      },
    ],
    output: {
      messageId: '1616990032035',
      url: 'https://teams.microsoft.com/l/message/19%3A4a95f7d8db4c4e7fae857bcebe0623e6%40thread.tacv2/1616990032035',
    },
  },
  {
    app: googleDrive,
    action: 'create-folder',
    credentials: token,
    input: { name: 'Invoices' },
    replies: [
      {
        status: 200,
        body: {
          kind: 'drive#file',
          id: '1Tq2aEzWcSkBg0Rk-Hq0_Yz9xSJP0c2',
          name: 'Invoices',
          mimeType: 'application/vnd.google-apps.folder',
        },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://www.googleapis.com/drive/v3/files',
        header: bearer,
        json: { name: 'Invoices', mimeType: 'application/vnd.google-apps.folder' },
      },
    ],
    output: { folderId: '1Tq2aEzWcSkBg0Rk-Hq0_Yz9xSJP0c2', url: 'https://drive.google.com/drive/folders/1Tq2aEzWcSkBg0Rk-Hq0_Yz9xSJP0c2' },
  },
  {
    app: googleCalendar,
    action: 'create-event',
    credentials: token,
    input: { summary: 'Google I/O 2015', start: '2015-05-28T09:00:00-07:00', end: '2015-05-28T17:00:00-07:00' },
    replies: [
      {
        status: 200,
        body: {
          kind: 'calendar#event',
          id: 'evt123abc',
          htmlLink: 'https://www.google.com/calendar/event?eid=ZXZ0MTIzYWJj',
          summary: 'Google I/O 2015',
        },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://www.googleapis.com/calendar/v3/calendars/primary/events',
        header: bearer,
        json: {
          summary: 'Google I/O 2015',
          start: { dateTime: '2015-05-28T09:00:00-07:00' },
          end: { dateTime: '2015-05-28T17:00:00-07:00' },
        },
      },
    ],
    output: { eventId: 'evt123abc', url: 'https://www.google.com/calendar/event?eid=ZXZ0MTIzYWJj' },
  },
  {
    app: github,
    action: 'create-issue',
    credentials: token,
    input: { repository: 'octocat/Hello-World', title: 'Found a bug', body: "I'm having a problem with this." },
    replies: [
      {
        status: 201,
        body: { id: 1, number: 1347, html_url: 'https://github.com/octocat/Hello-World/issues/1347', title: 'Found a bug', state: 'open' },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://api.github.com/repos/octocat/Hello-World/issues',
        header: bearer,
        json: { title: 'Found a bug', body: "I'm having a problem with this." },
      },
    ],
    output: { number: '1347', url: 'https://github.com/octocat/Hello-World/issues/1347' },
  },
  {
    app: gitlab,
    action: 'create-issue',
    credentials: token,
    input: { project: 'my-group/my-project', title: 'Issues with auth', description: 'Steps to reproduce' },
    replies: [
      {
        status: 201,
        body: {
          id: 84,
          iid: 14,
          project_id: 4,
          title: 'Issues with auth',
          web_url: 'http://gitlab.example.com/my-group/my-project/issues/14',
        },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://gitlab.com/api/v4/projects/my-group%2Fmy-project/issues',
        header: bearer,
        json: { title: 'Issues with auth', description: 'Steps to reproduce' },
      },
    ],
    output: { issueId: '14', url: 'http://gitlab.example.com/my-group/my-project/issues/14' },
  },
  {
    app: dropbox,
    action: 'create-folder',
    credentials: token,
    input: { path: '/Homework/math' },
    replies: [
      {
        status: 200,
        body: { metadata: { id: 'id:a4ayc_80_OEAAAAAAAAAXz', name: 'math', path_display: '/Homework/math', path_lower: '/homework/math' } },
      },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://api.dropboxapi.com/2/files/create_folder_v2',
        header: bearer,
        json: { path: '/Homework/math', autorename: false },
      },
    ],
    output: { folderId: 'id:a4ayc_80_OEAAAAAAAAAXz', path: '/Homework/math' },
  },
  {
    app: box,
    action: 'create-folder',
    credentials: token,
    input: { name: 'New Folder' },
    replies: [{ status: 201, body: { id: '12345', type: 'folder', name: 'New Folder' } }],
    requests: [
      { method: 'POST', url: 'https://api.box.com/2.0/folders', header: bearer, json: { name: 'New Folder', parent: { id: '0' } } },
    ],
    output: { folderId: '12345' },
  },
]
