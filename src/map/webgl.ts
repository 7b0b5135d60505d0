/**
 * Whether this browser can draw WebGL at all, without creating a context
 * (a throwaway context costs hundreds of milliseconds on software renderers;
 * MapView itself fails cleanly when a context cannot be made). Apart from
 * the map module so the page can ask before loading the map library.
 */
export function webglAvailable(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined' || typeof WebGLRenderingContext !== 'undefined';
}
