/**
 * A document's front matter written from its kind's fields, in their order:
 * what the WordPress importer writes, and what the content build reads back
 * against the same definitions. A value for a field the kind does not have is
 * refused, so a writer cannot invent fields the build would reject.
 */
import type { FieldSpec } from './fields'
import type { DocumentKind } from './kind'

/** A word YAML reads as itself (a slug, an author id): written plain, as authors write them. */
function plainWord(value: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/.test(value)
}

function yamlValue(spec: FieldSpec, value: unknown): string {
  switch (spec.type) {
    case 'list':
      return `[${(value as readonly string[]).map((item) => (plainWord(item) ? item : JSON.stringify(item))).join(', ')}]`
    case 'date':
    case 'number':
    case 'boolean':
      return String(value)
    default:
      // Anything but a plain word is quoted: a title may hold a colon, a # or a leading quote. JSON's strings are YAML's.
      return typeof value === 'string' && plainWord(value) ? value : JSON.stringify(value)
  }
}

/** Whether writing the value would say nothing: absent, an empty list, or a flag at its default. */
function saysNothing(spec: FieldSpec, value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (spec.type === 'list') return (value as readonly string[]).length === 0
  if (spec.type === 'boolean') return value === (spec.default ?? false)
  return false
}

export function writeFrontMatter(kind: Pick<DocumentKind, 'name' | 'fields'>, values: Readonly<Record<string, unknown>>): string {
  const unknown = Object.keys(values).find((name) => !(name in kind.fields) && values[name] !== undefined)
  if (unknown) throw new Error(`A ${kind.name.toLowerCase()} has no field "${unknown}"`)
  const lines = Object.entries(kind.fields)
    .filter(([name, spec]) => !saysNothing(spec, values[name]))
    .map(([name, spec]) => `${name}: ${yamlValue(spec, values[name])}`)
  return `---\n${lines.join('\n')}\n---\n`
}
