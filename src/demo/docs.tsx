import { Hono } from 'hono'
import * as z from 'zod'
import { readConfig } from '../config'
import { newId } from '../domain/tokens'
import type { AppEnv } from '../http/context'
import { Layout } from '../views/layout'
import { renderPage } from '../views/render'
import { bearerRefusal, grantFor } from './grants'
import { getRecord, putRecord } from './store'

const DOCUMENT_LIFETIME_SECONDS = 7 * 24 * 3600
const newDocumentSchema = z.object({ title: z.string().trim().min(1).max(200), content: z.string().max(20_000).default('') }).strict()

interface DemoDocument {
  title: string
  content: string
  ownerSub: string
  createdAt: number
}

/** Demo Docs' API: what the workflow action calls with the connection's access token. */
export const demoDocsApi = new Hono<AppEnv>()
  .post('/docs/documents', async (c) => {
    const grant = await grantFor(c, 'docs.write', Date.now())
    if (typeof grant === 'string') return bearerRefusal(c, grant)
    const parsed = newDocumentSchema.safeParse(await c.req.json().catch(() => null))
    if (!parsed.success) return c.json({ error: 'invalid_request', message: 'Send {"title": "…", "content": "…"}.' }, 400)
    const id = newId()
    const document: DemoDocument = { ...parsed.data, ownerSub: grant.sub, createdAt: Date.now() }
    await putRecord(c.env.LINKS, 'doc', id, document, DOCUMENT_LIFETIME_SECONDS)
    // Called server-to-server, so only PUBLIC_URL can say where a browser would find the document.
    const url = `${readConfig(c.env).publicUrl ?? ''}/demo/docs/documents/${id}`
    return c.json({ id, title: document.title, url }, 201)
  })
  .get('/docs/documents/:id', async (c) => {
    const document = await getRecord<DemoDocument>(c.env.LINKS, 'doc', c.req.param('id'))
    if (!document) return c.html(renderPage(<MissingDocument />), 404)
    return c.html(
      renderPage(
        <Layout title={document.title} variant="public">
          <article class="card" aria-labelledby="doc-title">
            <p class="muted">Demo Docs</p>
            <h1 id="doc-title">{document.title}</h1>
            {document.content.split(/\r?\n/).map((line) => (
              <p>{line}</p>
            ))}
          </article>
        </Layout>,
      ),
    )
  })

function MissingDocument() {
  return (
    <Layout title="Document not found" variant="public">
      <section class="card">
        <h1>Document not found</h1>
        <p>Demo documents are kept for seven days.</p>
      </section>
    </Layout>
  )
}
