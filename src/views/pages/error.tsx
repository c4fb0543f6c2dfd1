import { Layout } from '../layout'
import { useT } from '../locale'

export function ErrorPage({ code, message, languages = false }: { code: string; message: string; languages?: boolean }) {
  const t = useT()
  const title = t(code === 'not_found' ? 'errorPage.notFound' : code === 'forbidden' ? 'errorPage.forbidden' : 'errorPage.generic')
  return (
    <Layout title={title} variant="public" languages={languages}>
      <section class="card" aria-labelledby="error-title">
        <h1 id="error-title">{title}</h1>
        <p role="alert">{message}</p>
        <p>
          <a class="button" href="/">
            {t('errorPage.home')}
          </a>
        </p>
      </section>
    </Layout>
  )
}
