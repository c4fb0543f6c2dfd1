/**
 * Bars: each app scenario's throughput relative to the floors (log scale, so the write paths at a
 * hundredth of hello world stay readable next to the pages near 1×), per-round range as whiskers.
 */
export function chart(r) {
  const scenarios = ['invitation page', 'invalid-link page', 'link generation', 'credential submission', 'workflow run (webhook)']
    .map((name) => r.rows.find((row) => row.name === name))
    .filter(Boolean)
  const bars = scenarios.flatMap((row) => [
    ...(row.vsKv
      ? [
          {
            label: row.name,
            floor: row.name === 'invalid-link page' ? '× one KV get (miss)' : '× one KV get (hit)',
            value: row.vsKv,
            color: '#d9822b',
          },
        ]
      : []),
    { label: row.name, floor: '× hello world', value: row.vsHello, color: '#2b6cb0' },
  ])
  const [low, high] = [0.005, 2]
  const left = 330
  const width = 900
  const plot = width - left - 60
  const barHeight = 18
  const gap = 8
  const top = 62
  const height = top + bars.length * (barHeight + gap) + 56
  const X = (v) => left + (Math.log(Math.min(high, Math.max(low, v)) / low) / Math.log(high / low)) * plot
  let y = top
  let previous = ''
  const parts = []
  for (const bar of bars) {
    if (bar.label !== previous) {
      parts.push(`<text x="12" y="${y + 13}" font-weight="600">${bar.label}</text>`)
      previous = bar.label
    }
    parts.push(`<text x="${left - 8}" y="${y + 13}" text-anchor="end" fill="#555">${bar.floor}</text>`)
    parts.push(`<rect x="${left}" y="${y}" width="${(X(bar.value.median) - left).toFixed(1)}" height="${barHeight}" fill="${bar.color}"/>`)
    const middle = y + barHeight / 2
    parts.push(
      `<line x1="${X(bar.value.min).toFixed(1)}" x2="${X(bar.value.max).toFixed(1)}" y1="${middle}" y2="${middle}" ` +
        'stroke="#222" stroke-width="1.5"/>',
    )
    const median = bar.value.median < 0.1 ? bar.value.median.toPrecision(2) : bar.value.median.toFixed(2)
    const labelX = (Math.max(X(bar.value.median), X(bar.value.max)) + 6).toFixed(1)
    parts.push(`<text x="${labelX}" y="${y + 13}" fill="#222">${median}×</text>`)
    y += barHeight + gap
  }
  const ticks = [0.01, 0.03, 0.1, 0.3, 1].flatMap((t) => [
    `<line x1="${X(t).toFixed(1)}" x2="${X(t).toFixed(1)}" y1="${top - 6}" y2="${y}" stroke="#e2e2e2"/>`,
    `<text x="${X(t).toFixed(1)}" y="${y + 16}" text-anchor="middle" fill="#555">${t}×</text>`,
  ])
  const goalX = X(0.9).toFixed(1)
  const size = `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`
  const caption = [
    `Median of ${r.settings.rounds} alternating rounds (whiskers: range); log scale, 1× = as fast as the floor. ` +
      'Orange: a worker doing exactly',
    'one KV get. Blue: hello world. Dashed: the 0.9× goal for the KV-served pages. ' +
      `${r.when.slice(0, 10)}, ${r.machine.cpus} × ${r.machine.model}.`,
  ]
  return `<svg xmlns="http://www.w3.org/2000/svg" ${size} font-family="system-ui, sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="12" y="22" font-size="15" font-weight="600">Tether on Miniflare: throughput relative to the runtime's floors</text>
<text x="12" y="40" fill="#555">${caption[0]}</text>
<text x="12" y="54" fill="#555">${caption[1]}</text>
${ticks.join('\n')}
${parts.join('\n')}
<line x1="${goalX}" x2="${goalX}" y1="${top - 6}" y2="${y}" stroke="#c53030" stroke-dasharray="5 4" stroke-width="1.5"/>
<text x="${goalX}" y="${y + 34}" text-anchor="middle" fill="#c53030">goal 0.9×</text>
</svg>
`
}
