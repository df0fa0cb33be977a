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
  // The unified chain used by the WordPress importer (patterns, not names: it is a large family).
  'unified',
  'bail',
  'trough',
  'is-plain-obj',
  'devlop',
  'vfile',
  'vfile-.*',
  'unist-util-.*',
  'rehype-.*',
  'remark-.*',
  'hast-util-.*',
  'hastscript',
  'mdast-util-.*',
  'micromark',
  'micromark-.*',
  'parse5',
  'entities',
  'property-information',
  'web-namespaces',
  'zwitch',
  'html-void-elements',
  'space-separated-tokens',
  'comma-separated-tokens',
  'ccount',
  'longest-streak',
  'markdown-table',
  'trim-lines',
  'trim-trailing-lines',
  'collapse-white-space',
  'character-entities.*',
  'decode-named-character-reference',
  'stringify-entities',
  'escape-string-regexp',
  'stemmer',
  // The WordPress importer's transliteration.
  'any-ascii',
  // remark-mdx, for the image references the content build checks (lib/images/references.ts).
  'parse-entities',
  'character-reference-invalid',
  'is-alphanumerical',
  'is-alphabetical',
  'is-decimal',
  'is-hexadecimal',
  'estree-util-.*',
  // sanitize-html's parser, for imported comments (lib/wordpress/comments.ts).
  'htmlparser2',
  'domhandler',
  'domutils',
  'dom-serializer',
  'domelementtype',
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
      '^contentlayer/store$': '<rootDir>/.contentlayer/store/current.mjs',
      '^@/(.*)$': '<rootDir>/$1',
      ...resolved.moduleNameMapper,
    },
  }
}
