import { spawnSync } from 'node:child_process'
import path from 'node:path'
import type { CheckedBody, MdxProblem } from '@/lib/wordpress'
import { ROOT } from '@/scripts/lib/process'

const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

/**
 * MDX 3 is ES modules only, which Jest's CommonJS runtime cannot load, so
 * bodies are compiled by the importer's own check (lib/wordpress/validate.ts)
 * in one real Node process per call.
 */
function runValidate<T>(call: 'mdxProblem' | 'checkedBody', bodies: string[]): T[] {
  const script = `
    import { ${call} } from ${JSON.stringify(path.join(ROOT, 'lib/wordpress/validate.ts'))}
    let input = ''
    process.stdin.on('data', (chunk) => { input += chunk })
    process.stdin.on('end', async () => {
      const results = []
      for (const body of JSON.parse(input)) results.push((await ${call}(body)) ?? null)
      process.stdout.write(JSON.stringify(results))
    })`
  const run = spawnSync(TSX, ['--eval', script], { cwd: ROOT, input: JSON.stringify(bodies), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (run.status !== 0) throw new Error(`MDX check failed to run: ${run.stderr}`)
  return JSON.parse(run.stdout) as T[]
}

/** The compile problem of each body, or null when it compiles. */
export function compileProblems(bodies: string[]): Array<MdxProblem | null> {
  return runValidate<MdxProblem | null>('mdxProblem', bodies)
}

export function checkBodies(bodies: string[]): CheckedBody[] {
  return runValidate<CheckedBody>('checkedBody', bodies)
}
