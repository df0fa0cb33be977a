#!/usr/bin/env node
/**
 * `contentlayer2 build`, without effect-ts fiber tracing.
 *
 * contentlayer2's CLI switches tracing on as its first import. Each fiber then
 * keeps a ring buffer of stack traces that never drops "NoLocation" entries, and
 * every fork copies it: at 10,000 posts a fifth of the build went to copying
 * those lists. The runtime's default platform reads the tracing flag once, when
 * its module is first evaluated, so loading it before the CLI keeps tracing off.
 * Nothing else changes: the same CLI, config and output.
 */
import '@effect-ts/system/Effect/runtime'

const { run } = await import('@contentlayer2/cli')
await run()
