import { airtable } from '../../src/apps/airtable'
import { asana } from '../../src/apps/asana'
import { box } from '../../src/apps/box'
import { calendly } from '../../src/apps/calendly'
import { discord } from '../../src/apps/discord'
import { dropbox } from '../../src/apps/dropbox'
import { github } from '../../src/apps/github'
import { gitlab } from '../../src/apps/gitlab'
import { googleCalendar } from '../../src/apps/google-calendar'
import { googleDrive } from '../../src/apps/google-drive'
import { hubspot } from '../../src/apps/hubspot'
import { instagram } from '../../src/apps/instagram'
import { linkedin } from '../../src/apps/linkedin'
import { microsoftOutlook } from '../../src/apps/microsoft-outlook'
import { microsoftTeams } from '../../src/apps/microsoft-teams'
import { monday } from '../../src/apps/monday'
import { notion } from '../../src/apps/notion'
import { webflow } from '../../src/apps/webflow'
import { x } from '../../src/apps/x'
import { youtube } from '../../src/apps/youtube'
import { zoom } from '../../src/apps/zoom'
import type { VerifyCase } from './cases'

const token = (app: string) => ({ accessToken: `token-for-${app}` })
const bearerOf = (app: string): [string, string] => ['authorization', `Bearer token-for-${app}`]

/** Each `documented` body is the sample answer on the page cited in the app's file. */
export const oauthVerifyCases: VerifyCase[] = [
  {
    app: x,
    credentials: token('x'),
    documented: { data: { id: '2244994945', name: 'X Developers', username: 'XDevelopers' } },
    request: { method: 'GET', url: 'https://api.x.com/2/users/me', header: bearerOf('x') },
    account: { label: '@XDevelopers', id: '2244994945' },
  },
  {
    app: linkedin,
    credentials: token('linkedin'),
    documented: {
      sub: '782bbtaQ',
      name: 'John Doe',
      given_name: 'John',
      family_name: 'Doe',
      picture: 'https://media.licdn-ei.com/dms/image/C5F03AQHqK8v7tB1HCQ/profile-displayphoto-shrink_100_100/0/',
      locale: 'en-US',
      email: 'doe@email.com',
      email_verified: true,
    },
    request: { method: 'GET', url: 'https://api.linkedin.com/v2/userinfo', header: bearerOf('linkedin') },
    account: { label: 'John Doe', id: '782bbtaQ' },
  },
  {
    app: hubspot,
    credentials: token('hubspot'),
    documented: {
      token: 'token-for-hubspot',
      user: 'test@hubspot.com',
      hub_domain: 'demo.hubapi.com',
      scopes: ['oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write'],
      hub_id: 62515,
      app_id: 456789,
      expires_in: 1754,
      user_id: 123,
      token_type: 'access',
    },
    request: { method: 'GET', url: 'https://api.hubapi.com/oauth/v1/access-tokens/token-for-hubspot' },
    account: { label: 'test@hubspot.com (demo.hubapi.com)', id: '62515' },
  },
  {
    app: notion,
    credentials: token('notion'),
    documented: {
      object: 'user',
      id: '16d84278-ab0e-484c-9bdd-b35da3bd8905',
      name: 'pied piper',
      avatar_url: null,
      type: 'bot',
      bot: {
        owner: {
          type: 'user',
          user: {
            object: 'user',
            id: '5389a034-eb5c-47b5-8a9e-f79c99ef166c',
            name: 'christine makenotion',
            avatar_url: null,
            type: 'person',
            person: { email: 'christine@makenotion.com' },
          },
        },
      },
    },
    request: { method: 'GET', url: 'https://api.notion.com/v1/users/me', header: bearerOf('notion') },
    account: { label: 'christine@makenotion.com', id: '16d84278-ab0e-484c-9bdd-b35da3bd8905' },
  },
  {
    app: airtable,
    credentials: token('airtable'),
    documented: { id: 'usrL2PNC5o3H4lBEi', email: 'foo@bar.com', scopes: ['user.email:read', 'data.records:write'] },
    request: { method: 'GET', url: 'https://api.airtable.com/v0/meta/whoami', header: bearerOf('airtable') },
    account: { label: 'foo@bar.com', id: 'usrL2PNC5o3H4lBEi' },
  },
  {
    app: asana,
    credentials: token('asana'),
    documented: {
      data: {
        gid: '12345',
        resource_type: 'user',
        name: 'Greg Sanchez',
        email: 'gsanchez@example.com',
        photo: null,
        workspaces: [{ gid: '12345', resource_type: 'workspace', name: 'My Company Workspace' }],
      },
    },
    request: { method: 'GET', url: 'https://app.asana.com/api/1.0/users/me', header: bearerOf('asana') },
    account: { label: 'gsanchez@example.com', id: '12345' },
  },
  {
    app: monday,
    credentials: token('monday'),
    documented: { data: { me: { id: '12345678', name: 'Julia Smith', email: 'julia@example.com' } }, account_id: 1234567 },
    request: { method: 'POST', url: 'https://api.monday.com/v2', header: ['authorization', 'token-for-monday'] },
    account: { label: 'julia@example.com', id: '12345678' },
  },
  {
    app: calendly,
    credentials: token('calendly'),
    documented: {
      resource: {
        uri: 'https://api.calendly.com/users/AAAAAAAAAAAAAAAA',
        name: 'John Doe',
        slug: 'acmesales',
        email: 'user@example.com',
        scheduling_url: 'https://calendly.com/acmesales',
        timezone: 'America/New York',
        created_at: '2019-01-02T03:04:05.678123Z',
        updated_at: '2019-08-07T06:05:04.321123Z',
        current_organization: 'https://api.calendly.com/organizations/AAAAAAAAAAAAAAAA',
        resource_type: 'User',
      },
    },
    request: { method: 'GET', url: 'https://api.calendly.com/users/me', header: bearerOf('calendly') },
    account: { label: 'user@example.com', id: 'https://api.calendly.com/users/AAAAAAAAAAAAAAAA' },
  },
  {
    app: zoom,
    credentials: token('zoom'),
    documented: {
      id: 'KDcuGIm1QgePTO8WbOqwIQ',
      first_name: 'Jill',
      last_name: 'Chill',
      email: 'jchill@example.com',
      type: 1,
      pmi: 3542471135,
      timezone: 'Asia/Shanghai',
      account_id: 'q6gBJVO5TzexKYTb_I2rpg',
    },
    request: { method: 'GET', url: 'https://api.zoom.us/v2/users/me', header: bearerOf('zoom') },
    account: { label: 'jchill@example.com', id: 'KDcuGIm1QgePTO8WbOqwIQ' },
  },
  ...[microsoftOutlook, microsoftTeams].map(
    (app): VerifyCase => ({
      app,
      credentials: token(app.id),
      documented: {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
        businessPhones: ['+1 412 555 0109'],
        displayName: 'Megan Bowen',
        givenName: 'Megan',
        jobTitle: 'Auditor',
        mail: 'MeganB@M365x214355.onmicrosoft.com',
        userPrincipalName: 'MeganB@M365x214355.onmicrosoft.com',
        id: '48d31887-5fad-4d73-a9f5-3c356e68a038',
      },
      request: { method: 'GET', url: 'https://graph.microsoft.com/v1.0/me', header: bearerOf(app.id) },
      account: { label: 'MeganB@M365x214355.onmicrosoft.com', id: '48d31887-5fad-4d73-a9f5-3c356e68a038' },
    }),
  ),
  ...[googleDrive, googleCalendar].map(
    (app): VerifyCase => ({
      app,
      credentials: token(app.id),
      documented: { sub: '10769150350006150715113082367', email: 'jsmith@example.com', email_verified: true },
      request: { method: 'GET', url: 'https://openidconnect.googleapis.com/v1/userinfo', header: bearerOf(app.id) },
      account: { label: 'jsmith@example.com', id: '10769150350006150715113082367' },
    }),
  ),
  {
    app: youtube,
    credentials: token('youtube'),
    documented: {
      kind: 'youtube#channelListResponse',
      pageInfo: { totalResults: 1, resultsPerPage: 5 },
      items: [
        {
          kind: 'youtube#channel',
          id: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
          snippet: { title: 'Google for Developers', description: 'Subscribe to join a community of creative developers' },
        },
      ],
    },
    request: { method: 'GET', url: 'https://www.googleapis.com/youtube/v3/channels?part=snippet&mine=true', header: bearerOf('youtube') },
    account: { label: 'Google for Developers', id: 'UC_x5XG1OV2P6uZZ5FSM9Ttw' },
  },
  {
    app: instagram,
    credentials: token('instagram'),
    documented: { id: '10224276893711234', name: 'Jane Doe' },
    request: { method: 'GET', url: 'https://graph.facebook.com/v21.0/me?fields=id,name', header: bearerOf('instagram') },
    account: { label: 'Jane Doe', id: '10224276893711234' },
  },
  {
    app: discord,
    credentials: token('discord'),
    documented: {
      id: '80351110224678912',
      username: 'Nelly',
      discriminator: '0',
      global_name: 'Nelly the Great',
      avatar: '8342729096ea3675442027381ff50dfe',
      verified: true,
      email: 'nelly@discord.com',
      flags: 64,
    },
    request: { method: 'GET', url: 'https://discord.com/api/users/@me', header: bearerOf('discord') },
    account: { label: 'Nelly the Great', id: '80351110224678912' },
  },
  {
    app: github,
    credentials: token('github'),
    documented: { login: 'octocat', id: 1, node_id: 'MDQ6VXNlcjE=', type: 'User', name: 'monalisa octocat', email: 'octocat@github.com' },
    request: { method: 'GET', url: 'https://api.github.com/user', header: bearerOf('github') },
    account: { label: 'octocat', id: '1' },
  },
  {
    app: gitlab,
    credentials: token('gitlab'),
    documented: { id: 1, username: 'john_smith', email: 'john@example.com', name: 'John Smith', state: 'active' },
    request: { method: 'GET', url: 'https://gitlab.com/api/v4/user', header: bearerOf('gitlab') },
    account: { label: 'john_smith', id: '1' },
  },
  {
    app: webflow,
    credentials: token('webflow'),
    documented: { id: '6287ec36a841b25637c663df', email: 'some.one@home.com', firstName: 'Some', lastName: 'One' },
    request: { method: 'GET', url: 'https://api.webflow.com/v2/token/authorized_by', header: bearerOf('webflow') },
    account: { label: 'some.one@home.com', id: '6287ec36a841b25637c663df' },
  },
  {
    app: dropbox,
    credentials: token('dropbox'),
    documented: {
      account_id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc',
      name: { given_name: 'Franz', surname: 'Ferdinand', familiar_name: 'Franz', display_name: 'Franz Ferdinand (Personal)' },
      email: 'franz@dropbox.com',
      email_verified: true,
      disabled: false,
      country: 'US',
    },
    request: { method: 'POST', url: 'https://api.dropboxapi.com/2/users/get_current_account', header: bearerOf('dropbox') },
    account: { label: 'franz@dropbox.com', id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc' },
  },
  {
    app: box,
    credentials: token('box'),
    documented: { type: 'user', id: '33333', name: 'Example User', login: 'user@example.com', created_at: '2012-03-26T15:43:07-07:00' },
    request: { method: 'GET', url: 'https://api.box.com/2.0/users/me', header: bearerOf('box') },
    account: { label: 'user@example.com', id: '33333' },
  },
]
