/**
 * User-facing strings, keyed, in English. Keep new interface text here so
 * it can be translated in one place.
 */
import { COVERAGE_NOTE } from '../data/coverage';

export const MSG = {
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
  reducedMotion: 'Animation off: your device asks for reduced motion. Drag the “To” slider to step through time.',
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
  aboutEraCould: 'agencies',
  aboutEraNever: 'announced, never launched: it',

  coverage: COVERAGE_NOTE,

  // Find my area: reading what was typed
  areaChoose: (name: string) => `More than one place is called “${name}”. Which one do you mean?`,
  areaChooseList: 'Places with this name',
  areaCorrected: (typed: string, shown: string) => `No place is called “${typed}”; showing ${shown}, the closest name.`,
  areaFailedCleared: 'The previous place was cleared from the map.',

  // Map legend: the search
  legendSearchTitle: 'Your search',
  legendSearchPlace: 'Searched place',
  legendSearchRadius: (miles: number) => `Within ${miles} miles`,
  legendSearchCounty: 'County of the searched place',

  // Agency card: what each date is when arrangements differ
  cardPortalSince: 'Neighbors portal active since',
  cardProgramFrom: (program: string) => `${program} from`,

  // Agency list
  listNoneInView: (total: string) => `No partnered agency in this part of the map (${total} match the filters elsewhere).`,
  listNoneMatch: 'No agency passes the filters.',
  listDashKey: '— : not documented.',

  // Link notices, grouped
  linkNoticeSummary: (n: number) => (n === 1 ? 'One part of the link was not used:' : `${n.toLocaleString('en-US')} parts of the link were not used:`),
  linkNoticeMore: (n: number) => `…and ${n.toLocaleString('en-US')} more.`,
  dismissNotice: 'Dismiss notice',

  // Corrections
  correctionsTitle: 'Corrections and missing agencies',
  correctionsIntro:
    'Seen an error, or know of a partnership that is missing? Download the template, fill in one row per agency with a public source for each claim (a news report, a council agenda, an MOU or a records release), and send it to whoever publishes this copy of the map.',
  correctionsSteps: [
    'One row per agency. “agency_name” and “state” (two letters) are required; so is at least one source.',
    'Dates as YYYY-MM-DD, YYYY-MM or YYYY — only as precise as the source. Leave anything the source does not say empty: unknown is never zero.',
    'For a source without a web address, give the outlet, the title and the date instead.',
    'Corrections are made in the map’s source tables; each change keeps its source, so every fact on the map can be traced.',
  ],
  correctionsDownload: 'Download the corrections template (CSV)',
  correctionsFile: 'ring-map-correction-template.csv',

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
} as const;
