import { Layout } from '../layout'

export function ErrorPage({ code, message }: { code: string; message: string }) {
  const title = code === 'not_found' ? 'Page not found' : code === 'forbidden' ? 'Not allowed' : 'Something went wrong'
  return (
    <Layout title={title} variant="public">
      <section class="card" aria-labelledby="error-title">
        <h1 id="error-title">{title}</h1>
        <p role="alert">{message}</p>
        <p>
          <a class="button" href="/">
            Go to Tether
          </a>
        </p>
      </section>
    </Layout>
  )
}
