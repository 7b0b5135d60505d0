import { parseXml } from './pipeline/kml/xml';
import { readFileSync } from 'node:fs';
const t = (s: string) => { try { parseXml(s); console.log('OK', JSON.stringify(s).slice(0,40)); } catch (e) { console.log(JSON.stringify(s).slice(0,40), '=>', (e as Error).message); } };
t(readFileSync('tests/fixtures/kml/entity-expansion.kml','utf8'));
t('<kml>&xxe;</kml>'); t('<kml>AT&T</kml>'); t('<kml>&#0;</kml>');
t(readFileSync('tests/fixtures/kml/malformed.kml','utf8'));
t('<kml>\n<Document>\n'); t('<kml></kml>\n</kml>'); t('<kml/><kml/>'); t('<kml a="1" a="2"/>');
