/**
 * Wall time and peak memory of a command. Two memory figures, because they answer
 * different questions: GNU time's "Maximum resident set size" is the largest single
 * process (wait4's ru_maxrss), while `next build` spawns workers whose memory adds
 * up, so the whole process tree's RSS is also summed from /proc every 200 ms.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { run } from '../lib/process'
import type { Measurement } from './types'

const GNU_TIME = '/usr/bin/time'
const SAMPLE_MS = 200

/** Parent pid of every process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parentPids(): Map<number, number[]> {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // the process ended between readdir and read
    }
  }
  return children
}

/** Summed VmRSS of a process and all its descendants, in bytes. */
export function treeRss(rootPid: number): number {
  const children = parentPids()
  let total = 0
  for (const queue = [rootPid]; queue.length > 0;) {
    const pid = queue.pop()!
    queue.push(...(children.get(pid) ?? []))
    try {
      const kb = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)?.[1]
      total += Number(kb ?? 0) * 1024
    } catch {
      // exited
    }
  }
  return total
}

/** Runs a command (under GNU time when installed) and returns its wall time and peak memory. */
export async function measure(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Measurement> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbank-measure-'))
  const timeFile = path.join(dir, 'time.txt')
  const useTime = existsSync(GNU_TIME)
  let peakTreeRssBytes = 0
  let sampler: NodeJS.Timeout | undefined
  const started = performance.now()
  try {
    // GNU time exits with the command's status, so a failed build still rejects.
    await run(useTime ? GNU_TIME : command, useTime ? ['-v', '-o', timeFile, command, ...args] : args, env, (child) => {
      sampler = setInterval(() => {
        if (child.pid) peakTreeRssBytes = Math.max(peakTreeRssBytes, treeRss(child.pid))
      }, SAMPLE_MS)
    })
    const ms = performance.now() - started
    const kb = useTime ? readFileSync(timeFile, 'utf8').match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1] : undefined
    return { ms, maxRssBytes: kb ? Number(kb) * 1024 : undefined, peakTreeRssBytes }
  } finally {
    clearInterval(sampler)
    rmSync(dir, { recursive: true, force: true })
  }
}
