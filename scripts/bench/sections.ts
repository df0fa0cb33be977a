import { og } from './og'
import { searchSection } from './search'
import type { BenchSection } from './types'

/** Every benchmark section, in the order the table prints them. */
export const sections: BenchSection[] = [searchSection, og]
