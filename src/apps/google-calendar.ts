import { optionalInput, requiredInput } from './fields'
import { googleEndpoints, googleOAuth, postToGoogle, verifyGoogleAccount } from './google'
import { requireString, stringField } from './http'
import { pathSegment } from './rest'
import type { AppDefinition, Field } from './types'

// https://developers.google.com/workspace/calendar/api/v3/reference/events/insert (summary, start/end dateTime; answers id, htmlLink).
const CALENDAR_API = 'https://www.googleapis.com'

const CALENDAR: Field = { key: 'calendarId', label: 'Calendar ID', secret: false, optional: true, placeholder: 'primary' }
const SUMMARY: Field = { key: 'summary', label: 'Event title', secret: false }
const START: Field = { key: 'start', label: 'Starts', secret: false, placeholder: '2026-12-24T15:00:00+01:00' }
const END: Field = { key: 'end', label: 'Ends', secret: false, placeholder: '2026-12-24T16:00:00+01:00' }

export const googleCalendar: AppDefinition = {
  id: 'google-calendar',
  name: 'Google Calendar',
  iconUrl: '/icons/google-calendar.svg',
  category: 'forms-scheduling',
  authType: 'oauth2',
  fields: [],
  oauth: googleOAuth(['https://www.googleapis.com/auth/calendar.events'], ['See and add events in your calendars']),
  defaultEndpoints: googleEndpoints(CALENDAR_API),
  verify: verifyGoogleAccount,
  actions: [
    {
      id: 'create-event',
      name: 'Create event',
      fields: [CALENDAR, SUMMARY, START, END],
      async run(ctx, credentials, input) {
        const calendar = pathSegment(optionalInput(input, CALENDAR) ?? 'primary', CALENDAR.label)
        const { status, body } = await postToGoogle(
          ctx,
          credentials,
          `${ctx.endpoints.apiBaseUrl}/calendar/v3/calendars/${calendar}/events`,
          {
            summary: requiredInput(input, SUMMARY),
            start: { dateTime: requiredInput(input, START) },
            end: { dateTime: requiredInput(input, END) },
          },
        )
        return { upstreamStatus: status, output: { eventId: requireString(ctx, body, 'id'), url: stringField(body, 'htmlLink') ?? null } }
      },
    },
  ],
}
