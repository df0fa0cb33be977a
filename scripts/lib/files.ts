import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** Bytes on disk under a folder, or of one file; 0 when there is nothing there. */
export function folderBytes(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.size
  return readdirSync(target).reduce((sum, name) => sum + folderBytes(path.join(target, name)), 0)
}
