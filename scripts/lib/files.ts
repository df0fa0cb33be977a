import { existsSync, lstatSync, readdirSync } from 'node:fs'
import path from 'node:path'

export type DiskUsage = { bytes: number; files: number }

/** Bytes and files under a folder, or of one file, links counted as themselves; `skip(name, depth)` leaves entries out. */
export function diskUsage(target: string, skip: (name: string, depth: number) => boolean = () => false, depth = 0): DiskUsage {
  if (!existsSync(target)) return { bytes: 0, files: 0 }
  const stat = lstatSync(target)
  if (!stat.isDirectory()) return { bytes: stat.size, files: 1 }
  return readdirSync(target)
    .filter((name) => !skip(name, depth))
    .map((name) => diskUsage(path.join(target, name), skip, depth + 1))
    .reduce((sum, usage) => ({ bytes: sum.bytes + usage.bytes, files: sum.files + usage.files }), { bytes: 0, files: 0 })
}

/** Bytes on disk under a folder, or of one file; 0 when there is nothing there. */
export function folderBytes(target: string): number {
  return diskUsage(target).bytes
}
