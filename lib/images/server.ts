/** Reading the build's variants from the store (.images/): for the image routes and the card renderer. */
import 'server-only'

export { storedVariant } from './config'
export { variantResponse } from './serve'
