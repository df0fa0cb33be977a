import { buildSection } from './build'
import { commentsSection } from './comments'
import { imagesSection } from './images'
import { lighthouseSection } from './lighthouse'
import { og } from './og'
import { pageWeight } from './page-weight'
import { redisHungSection } from './redis-hung'
import { releaseSection } from './release'
import { scaleSection, type ScaleOptions } from './scale'
import { searchSection } from './search'
import { stackSection } from './stack'
import { throughput } from './throughput'
import type { BenchSection } from './types'

/**
 * Every benchmark section, in the order they run and the table prints them. The
 * scale section goes last: it is the longest, it rewrites .contentlayer/ (restored
 * afterwards, but og reads it), and its load should not overlap the server-side
 * measurements. images builds and serves its own photo post, and also restores
 * .contentlayer/ afterwards.
 */
export function sections(scale: ScaleOptions): BenchSection[] {
  return [
    pageWeight,
    commentsSection,
    throughput,
    stackSection,
    redisHungSection,
    lighthouseSection,
    searchSection,
    og,
    imagesSection,
    buildSection,
    releaseSection,
    scaleSection(scale),
  ]
}
