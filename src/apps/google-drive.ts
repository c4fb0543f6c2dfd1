import { requiredInput } from './fields'
import { googleEndpoints, googleOAuth, postToGoogle, verifyGoogleAccount } from './google'
import { requireString } from './http'
import type { AppDefinition, Field } from './types'

// https://developers.google.com/workspace/drive/api/reference/rest/v3/files/create (a folder is a file of the folder MIME type).
const DRIVE_API = 'https://www.googleapis.com'
const FOLDER_TYPE = 'application/vnd.google-apps.folder'

const NAME: Field = { key: 'name', label: 'Folder name', secret: false }

export const googleDrive: AppDefinition = {
  id: 'google-drive',
  name: 'Google Drive',
  iconUrl: '/icons/google-drive.svg',
  category: 'storage',
  authType: 'oauth2',
  fields: [],
  oauth: googleOAuth(['https://www.googleapis.com/auth/drive.file'], ['See and change only the Drive files Tether creates']),
  defaultEndpoints: googleEndpoints(DRIVE_API),
  verify: verifyGoogleAccount,
  actions: [
    {
      id: 'create-folder',
      name: 'Create folder',
      fields: [NAME],
      async run(ctx, credentials, input) {
        const { status, body } = await postToGoogle(ctx, credentials, `${ctx.endpoints.apiBaseUrl}/drive/v3/files`, {
          name: requiredInput(input, NAME),
          mimeType: FOLDER_TYPE,
        })
        const folderId = requireString(ctx, body, 'id')
        return { upstreamStatus: status, output: { folderId, url: `https://drive.google.com/drive/folders/${folderId}` } }
      },
    },
  ],
}
