import { listingRoute } from '@/app/_routes/listing'

const route = listingRoute('home', { later: true })

// The pages listing the posts built ahead are built too; later ones render on first request and are cached
// (proxy.ts turns away numbers past the end; /page/1 redirects to the home page, lib/http/redirects.ts).
export const dynamicParams = true
export const revalidate = 300
export const { generateStaticParams, generateMetadata } = route
export default route.Page
