import { optionalInput, requiredInput } from './fields'
import { googleEndpoints, googleOAuth, postToGoogle, verifyGoogleAccount } from './google'
import { numberField, stringField } from './http'
import type { AppDefinition, Field } from './types'

const SHEETS_API = 'https://sheets.googleapis.com'

const SPREADSHEET: Field = {
  key: 'spreadsheetId',
  label: 'Spreadsheet',
  secret: false,
  help: "The spreadsheet's address or its ID (the part between /d/ and /edit).",
}
const SHEET: Field = { key: 'sheet', label: 'Sheet name', secret: false, optional: true, placeholder: 'Sheet1' }
const VALUES: Field = { key: 'values', label: 'Row values', secret: false, type: 'textarea', help: 'One cell per line, left to right.' }

export const googleSheets: AppDefinition = {
  id: 'google-sheets',
  name: 'Google Sheets',
  iconUrl: '/icons/google-sheets.svg',
  category: 'productivity',
  authType: 'oauth2',
  fields: [],
  oauth: googleOAuth(['https://www.googleapis.com/auth/spreadsheets'], ['See, edit and add rows to your Google Sheets spreadsheets']),
  defaultEndpoints: googleEndpoints(SHEETS_API),
  verify: verifyGoogleAccount,
  actions: [
    {
      id: 'append-row',
      name: 'Append row',
      fields: [SPREADSHEET, SHEET, VALUES],
      async run(ctx, credentials, input) {
        const spreadsheetId = spreadsheetIdFrom(requiredInput(input, SPREADSHEET))
        const sheet = optionalInput(input, SHEET) ?? 'Sheet1'
        const range = `'${sheet.replace(/'/g, "''")}'!A1`
        const cells = requiredInput(input, VALUES).split(/\r?\n/)
        const url =
          `${ctx.endpoints.apiBaseUrl}/v4/spreadsheets/${encodeURIComponent(spreadsheetId)}/values/${encodeURIComponent(range)}:append` +
          '?valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS'
        const { status, body } = await postToGoogle(ctx, credentials, url, { majorDimension: 'ROWS', values: [cells] })
        return {
          upstreamStatus: status,
          output: {
            spreadsheetId,
            updatedRange: stringField(body, 'updates', 'updatedRange') ?? null,
            updatedRows: numberField(body, 'updates', 'updatedRows') ?? 0,
          },
        }
      },
    },
  ],
}

/** Clients paste the whole address as often as the bare ID. */
function spreadsheetIdFrom(value: string): string {
  return /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(value)?.[1] ?? value
}
