/**
 * What a conversion dropped or changed, for the per-post report. A message
 * that repeats (twelve dropped blocks of one kind) is listed once with a count.
 */
export class Notes {
  private readonly counts = new Map<string, number>()

  add(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1)
  }

  list(): string[] {
    return [...this.counts].map(([message, count]) => (count > 1 ? `${message} (${count} times)` : message))
  }
}
