/** The bundled basemap's vector tiles: cut by the pipeline (basemap-tiles.ts), drawn by the map (basemap.ts). */

/** Highest zoom cut; closer views are drawn from these tiles (the outlines are 1:10m anyway). */
export const BASEMAP_MAX_ZOOM = 6;
/** West, south, east, north: the lower 48, Alaska, Hawaii and the neighbours around them. */
export const BASEMAP_BOUNDS: [number, number, number, number] = [-180, 0, -40, 85];
