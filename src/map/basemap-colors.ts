/** The bundled basemap's colours (the live map and the static first view). */
export const COLORS = {
  water: '#cfe3ef',
  land: '#f4f2ee',
  neighbour: '#e6e3dd',
  stateLine: '#8d8a84',
  countyLine: '#c9c5be',
  label: '#4a4740',
};
