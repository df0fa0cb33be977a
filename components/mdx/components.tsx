import { ContactEmail } from './ContactEmail'
import { Figure } from './Figure'

/** Components that MDX posts and pages may use by name. */
export const mdxComponents = { ContactEmail, Figure }
