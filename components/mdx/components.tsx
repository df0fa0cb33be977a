import { Figure } from './Figure'

/** Components that MDX posts may use by name. */
export const mdxComponents = { Figure }
