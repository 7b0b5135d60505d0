/**
 * The page's words, keyed, in one place (English). Strings that take values
 * are functions. New interface text goes here so it can be translated later.
 */
export const MSG = {
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
} as const;
