import { site } from '@/lib/config'

/** The site's contact address (SITE_CONTACT_EMAIL), for pages to name by `<ContactEmail />`; says so when there is none rather than invent one. */
export function ContactEmail() {
  if (!site.contactEmail) return <>none published yet</>
  return <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
}
