import { buildSection } from './build'
import { imagesSection } from './images'
import { lighthouseSection } from './lighthouse'
import { og } from './og'
import { pageWeight } from './page-weight'
import { searchSection } from './search'
import { stackSection } from './stack'
import { throughput } from './throughput'
import type { BenchSection } from './types'

/**
 * Every benchmark section, in the order they run and the table prints them. The
 * 1,000-post build goes last: it is the longest, it rewrites .contentlayer/generated
 * (restored afterwards, but og reads it), and its load should not overlap the
 * server-side measurements. images builds and serves its own photo post, and also
 * restores .contentlayer/generated afterwards.
 */
export const sections: BenchSection[] = [pageWeight, throughput, stackSection, lighthouseSection, searchSection, og, imagesSection, buildSection]
