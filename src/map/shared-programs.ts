/**
 * MapLibre compiles a shader program per layer type and per set of
 * data-driven paint properties, the first time such a layer draws. On a
 * software WebGL renderer each compile blocks the page for 50–100 ms, so
 * the layers of one type write their paint the same way and share a program.
 */
import type * as maplibregl from 'maplibre-gl';

/** A data expression that always gives `value`: the property counts as per-feature, like in the layers it shares a program with. */
export function perFeature(value: string): maplibregl.ExpressionSpecification {
  return ['case', ['has', '_'], value, value];
}

/** Text paint for every text layer: colour and halo per feature (the cluster counts pick theirs by fill). */
export function textPaint(color: string, halo: string, haloWidth: number): maplibregl.SymbolLayerSpecification['paint'] {
  return { 'text-color': perFeature(color), 'text-halo-color': perFeature(halo), 'text-halo-width': haloWidth };
}
