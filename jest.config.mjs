import nextJest from 'next/jest.js'

const createJestConfig = nextJest({ dir: './' })

// These packages ship only ES modules, so Jest must transform them too.
const esmPackages = [
  'contentlayer2',
  '@contentlayer2',
  'github-slugger',
  'minisearch',
  'feed',
  'xml-js',
  'stemmer',
]

/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__/unit'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
}

export default async function jestConfig() {
  const resolved = await createJestConfig(config)()
  return {
    ...resolved,
    transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`, '^.+\\.module\\.(css|sass|scss)$'],
    moduleNameMapper: {
      '^contentlayer/generated$': '<rootDir>/.contentlayer/generated/index.mjs',
      '^@/(.*)$': '<rootDir>/$1',
      ...resolved.moduleNameMapper,
    },
  }
}
