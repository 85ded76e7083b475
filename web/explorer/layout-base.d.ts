// layout-base (under cytoscape-fcose, through cose-base) ships no types; the chart uses only the
// counter it draws its own random numbers from.
declare module 'layout-base' {
  const layoutBase: { RandomSeed: { seed: number; x: number } };
  export default layoutBase;
}
