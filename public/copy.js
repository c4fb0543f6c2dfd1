// Copy buttons; menus close on Escape/outside click.
{
  const d = document, F = '.copy-field>[id]', B = '[data-copy-target]', M = '.menu[open]'
  if (navigator.clipboard) for (const b of d.querySelectorAll(B)) b.hidden = false
  d.addEventListener('focusin', e => e.target.matches(F) && e.target.select())
  d.addEventListener('click', async e => {
    const t = e.target, b = t.closest(B)
    for (const m of d.querySelectorAll(M)) m.contains(t) || (m.open = false)
    t.matches(F) && t.select()
    if (!b) return
    const i = d.getElementById(b.dataset.copyTarget), l = b.querySelector('[data-copy-text]')
    const s = b.parentNode.querySelector('[aria-live]')
    i.select()
    await navigator.clipboard.writeText(i.value)
    s.textContent = l.textContent = 'Copied'
    setTimeout(() => { s.textContent = ''; l.textContent = 'Copy' }, 2e3)
  })
  d.addEventListener('keydown', e => {
    const m = e.key == 'Escape' && e.target.closest(M)
    if (m) m.open = false, m.querySelector('summary').focus()
  })
}
