import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

/** Next's own rules (React, hooks, accessibility, Core Web Vitals) and typescript-eslint's recommended set. */
const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next*/**', '.contentlayer/**', '.images/**', '.bench/**', '.data/**', 'next-env.d.ts', 'content/**', '__tests__/fixtures/**'],
  },
]

export default config
