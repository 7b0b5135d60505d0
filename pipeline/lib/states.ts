/** US states, DC and territories: postal code ↔ FIPS code ↔ name (as in us-atlas). */
export const STATES: readonly { postal: string; fips: string; name: string }[] = [
  { postal: 'AL', fips: '01', name: 'Alabama' },
  { postal: 'AK', fips: '02', name: 'Alaska' },
  { postal: 'AZ', fips: '04', name: 'Arizona' },
  { postal: 'AR', fips: '05', name: 'Arkansas' },
  { postal: 'CA', fips: '06', name: 'California' },
  { postal: 'CO', fips: '08', name: 'Colorado' },
  { postal: 'CT', fips: '09', name: 'Connecticut' },
  { postal: 'DE', fips: '10', name: 'Delaware' },
  { postal: 'DC', fips: '11', name: 'District of Columbia' },
  { postal: 'FL', fips: '12', name: 'Florida' },
  { postal: 'GA', fips: '13', name: 'Georgia' },
  { postal: 'HI', fips: '15', name: 'Hawaii' },
  { postal: 'ID', fips: '16', name: 'Idaho' },
  { postal: 'IL', fips: '17', name: 'Illinois' },
  { postal: 'IN', fips: '18', name: 'Indiana' },
  { postal: 'IA', fips: '19', name: 'Iowa' },
  { postal: 'KS', fips: '20', name: 'Kansas' },
  { postal: 'KY', fips: '21', name: 'Kentucky' },
  { postal: 'LA', fips: '22', name: 'Louisiana' },
  { postal: 'ME', fips: '23', name: 'Maine' },
  { postal: 'MD', fips: '24', name: 'Maryland' },
  { postal: 'MA', fips: '25', name: 'Massachusetts' },
  { postal: 'MI', fips: '26', name: 'Michigan' },
  { postal: 'MN', fips: '27', name: 'Minnesota' },
  { postal: 'MS', fips: '28', name: 'Mississippi' },
  { postal: 'MO', fips: '29', name: 'Missouri' },
  { postal: 'MT', fips: '30', name: 'Montana' },
  { postal: 'NE', fips: '31', name: 'Nebraska' },
  { postal: 'NV', fips: '32', name: 'Nevada' },
  { postal: 'NH', fips: '33', name: 'New Hampshire' },
  { postal: 'NJ', fips: '34', name: 'New Jersey' },
  { postal: 'NM', fips: '35', name: 'New Mexico' },
  { postal: 'NY', fips: '36', name: 'New York' },
  { postal: 'NC', fips: '37', name: 'North Carolina' },
  { postal: 'ND', fips: '38', name: 'North Dakota' },
  { postal: 'OH', fips: '39', name: 'Ohio' },
  { postal: 'OK', fips: '40', name: 'Oklahoma' },
  { postal: 'OR', fips: '41', name: 'Oregon' },
  { postal: 'PA', fips: '42', name: 'Pennsylvania' },
  { postal: 'RI', fips: '44', name: 'Rhode Island' },
  { postal: 'SC', fips: '45', name: 'South Carolina' },
  { postal: 'SD', fips: '46', name: 'South Dakota' },
  { postal: 'TN', fips: '47', name: 'Tennessee' },
  { postal: 'TX', fips: '48', name: 'Texas' },
  { postal: 'UT', fips: '49', name: 'Utah' },
  { postal: 'VT', fips: '50', name: 'Vermont' },
  { postal: 'VA', fips: '51', name: 'Virginia' },
  { postal: 'WA', fips: '53', name: 'Washington' },
  { postal: 'WV', fips: '54', name: 'West Virginia' },
  { postal: 'WI', fips: '55', name: 'Wisconsin' },
  { postal: 'WY', fips: '56', name: 'Wyoming' },
  { postal: 'AS', fips: '60', name: 'American Samoa' },
  { postal: 'GU', fips: '66', name: 'Guam' },
  { postal: 'MP', fips: '69', name: 'Commonwealth of the Northern Mariana Islands' },
  { postal: 'PR', fips: '72', name: 'Puerto Rico' },
  { postal: 'VI', fips: '78', name: 'United States Virgin Islands' },
];

const BY_POSTAL = new Map(STATES.map((s) => [s.postal, s]));
const BY_NAME = new Map(STATES.map((s) => [s.name.toLowerCase(), s]));

export function isStateCode(s: string): boolean {
  return BY_POSTAL.has(s);
}

/** "wi", " WI ", "Wisconsin" → "WI"; undefined when unknown. */
export function normalizeState(s: string): string | undefined {
  const t = s.trim();
  const up = t.toUpperCase();
  if (BY_POSTAL.has(up)) return up;
  return BY_NAME.get(t.toLowerCase())?.postal;
}
