/** textile-js ships no types: one function, Textile in, HTML out. */
declare module 'textile-js' {
  const textile: (source: string) => string
  export default textile
}
