/**
 * The nginx template's header shows how to fill it in by hand; docs/deployment.md
 * step 5 shows the same commands. They must agree, value for value.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '@/scripts/lib/process'

/** Every `export SANDBANK_…=value` in a text (several may share a line), value without its quotes and trailing comment. */
function exportsIn(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const commands = line.replace(/^#\s*/, '').replace(/\s+#.*$/, '')
    if (!commands.startsWith('export ')) continue
    for (const match of commands.slice('export '.length).matchAll(/(SANDBANK_[A-Z_]+)=('[^']*'|\S+)/g))
      values[match[1]] = match[2].replace(/^'|'$/g, '')
  }
  return values
}

test('the template header and docs/deployment.md set every placeholder to the same value', () => {
  const template = exportsIn(readFileSync(path.join(ROOT, 'deploy/nginx/sandbank.conf'), 'utf8'))
  const guide = exportsIn(readFileSync(path.join(ROOT, 'docs/deployment.md'), 'utf8'))
  const placeholders = [
    ...new Set([...readFileSync(path.join(ROOT, 'deploy/nginx/sandbank.conf'), 'utf8').matchAll(/\$\{(SANDBANK_[A-Z_]+)\}/g)].map((m) => m[1])),
  ]
  expect(Object.keys(template).sort()).toEqual(placeholders.sort())
  expect(guide).toEqual(template)
})
