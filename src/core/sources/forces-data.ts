/**
 * The police forces Kinwatch can watch: the 43 territorial forces of England and Wales, Police Scotland, the
 * Police Service of Northern Ireland and British Transport Police (46).
 *
 * - `id`: data.police.uk's force id (https://data.police.uk/api/forces); Police Scotland is not on data.police.uk,
 *   so it has its own slug, "police-scotland".
 * - `pfaName` / `pfaCode`: the police force area as postcodes.io returns it (`result.pfa`, `result.codes.pfa`;
 *   ONS PFA codes E23…, W15…, S23…). British Transport Police has no area. `aliases` are counties, unitary
 *   authorities and cities inside the area, so an outcode's county or district also finds its force.
 * - `newsSources`: each with its evidence, the date it was last checked against that evidence, and whether its
 *   address was seen in the evidence or inferred from a pattern other forces follow (see ForceNewsSource). The Met
 *   publishes RSS; "Single Online Home" (SOH) forces serve RSS at their listing path plus `GetNewsRss/`, read first,
 *   with the HTML listing (`<site>/news/<force>/news/`, Kent `/news/kent/latest/`) as the fallback; a few forces have
 *   news pages on other platforms (read as a news listing). Forces with none rely on the Google News search built
 *   from `newsArea`, which every force also gets.
 * - `neighbours`: forces sharing a land border (or a bridge or tunnel: Essex–Kent, Avon and Somerset–Gwent);
 *   symmetric.
 */
export interface ForceNewsSource {
  /**
   * "rss": a feed. "soh": a Single Online Home listing page; its feed is `url` + `GetNewsRss/`, read first, the page
   * itself the fallback. "listing": an HTML news page on another platform, read with the news-listing parser.
   */
  kind: 'rss' | 'soh' | 'listing';
  url: string;
  /** Where the address (and for "soh" the feed) comes from. */
  evidence: string;
  /** When the entry was last checked against its evidence (YYYY-MM-DD). */
  checkedOn: string;
  /**
   * "seen": the address itself appears in the evidence. "inferred": built from the pattern other forces' seen
   * addresses follow (the force's own slug in the SOH path); it may need correcting, and autodiscovery looks for
   * the feed again if it answers 404/410 or with a page that is not a feed.
   */
  address: 'seen' | 'inferred';
  /** For "soh": whether the `GetNewsRss/` feed of this force was itself seen, or inferred from other SOH forces. */
  feed?: 'seen' | 'inferred';
}

/** Evidence for Single Online Home paths (docs/design.md "Facts the product relies on"). */
const SOH_PATTERN =
  'Single Online Home path pattern: listing /news/<force>/news/ (seen for Essex; Kent /news/kent/latest/), feed at listing + GetNewsRss/ (seen in public scraper code for Gloucestershire, Greater Manchester, Merseyside, Lincolnshire, West Midlands)';
const SOH_FEED_SEEN = new Set(['gloucestershire', 'greater-manchester', 'merseyside', 'lincolnshire', 'west-midlands']);
const SOH_LISTING_SEEN = new Set(['essex', 'kent']);

/** A Single Online Home force's news: `GetNewsRss/` first, the listing page as the fallback. */
function soh(forceId: string, listing: string, evidence = SOH_PATTERN, checkedOn = RECHECKED_ON): ForceNewsSource {
  return {
    kind: 'soh',
    url: listing,
    evidence,
    checkedOn,
    address: SOH_LISTING_SEEN.has(forceId) || SOH_FEED_SEEN.has(forceId) ? 'seen' : 'inferred',
    feed: SOH_FEED_SEEN.has(forceId) ? 'seen' : 'inferred',
  };
}

/** Every entry was re-checked against the evidence in docs/design.md on this date (nothing here was fetched live). */
const RECHECKED_ON = '2026-11-30';

export interface ForceRecord {
  id: string;
  name: string;
  website: string;
  pfaName?: string;
  pfaCode?: string;
  aliases: string[];
  newsSources: ForceNewsSource[];
  neighbours: string[];
  /** Terms naming the force's area in news stories, OR-ed into the Google News query. */
  newsArea: string[];
}

export const FORCES_CHECKED_ON = RECHECKED_ON;

export const FORCES_SOURCES = [
  'https://data.police.uk/api/forces',
  'https://data.police.uk/docs/method/forces/',
  'https://www.police.uk/pu/find-a-police-force/',
  'https://postcodes.io/docs/postcode/lookup',
  'https://geoportal.statistics.gov.uk/ (Police Force Areas, December 2024, PFA24CD codes)',
  'https://news.met.police.uk/',
  'https://www.essex.police.uk/news/essex/news/',
  'https://www.kent.police.uk/news/kent/latest/',
  'https://www.scotland.police.uk/what-s-happening/news/',
  'https://news.devon-cornwall.police.uk/',
  'https://www.avonandsomerset.police.uk/news/ (articles at /news/YYYY/MM/slug)',
  'Public code that scrapes force sites (2026): SOH GetNewsRss/ feeds; Humberside, North Wales, Dorset, Wiltshire on SOH paths',
  'https://www.psni.police.uk/',
  'https://www.btp.police.uk/',
];

export const FORCES: readonly ForceRecord[] = [
  {
    id: 'avon-and-somerset',
    name: 'Avon and Somerset Constabulary',
    website: 'https://www.avonandsomerset.police.uk',
    pfaName: 'Avon and Somerset',
    pfaCode: 'E23000036',
    aliases: [
      'Somerset', 'Bristol', 'City of Bristol', 'Bristol, City of', 'Bath and North East Somerset', 'North Somerset',
      'South Gloucestershire', 'Avon',
    ],
    newsSources: [
      {
        kind: 'listing',
        url: 'https://www.avonandsomerset.police.uk/news/',
        evidence: 'Avon and Somerset articles are at /news/YYYY/MM/slug (docs/design.md facts); the /news/ listing above them is inferred',
        checkedOn: RECHECKED_ON,
        address: 'inferred',
      },
    ],
    neighbours: ['devon-and-cornwall', 'dorset', 'gloucestershire', 'gwent', 'wiltshire'],
    newsArea: ['Bristol', 'Somerset', 'Bath'],
  },
  {
    id: 'bedfordshire',
    name: 'Bedfordshire Police',
    website: 'https://www.bedfordshire.police.uk',
    pfaName: 'Bedfordshire',
    pfaCode: 'E23000026',
    aliases: ['Bedford', 'Central Bedfordshire', 'Luton'],
    newsSources: [],
    neighbours: ['cambridgeshire', 'hertfordshire', 'northamptonshire', 'thames-valley'],
    newsArea: ['Bedfordshire', 'Luton'],
  },
  {
    id: 'cambridgeshire',
    name: 'Cambridgeshire Constabulary',
    website: 'https://www.cambs.police.uk',
    pfaName: 'Cambridgeshire',
    pfaCode: 'E23000023',
    aliases: ['Peterborough', 'Cambridge'],
    newsSources: [soh('cambridgeshire', 'https://www.cambs.police.uk/news/cambridgeshire/news/')],
    neighbours: ['bedfordshire', 'essex', 'hertfordshire', 'lincolnshire', 'norfolk', 'northamptonshire', 'suffolk'],
    newsArea: ['Cambridgeshire', 'Peterborough'],
  },
  {
    id: 'cheshire',
    name: 'Cheshire Constabulary',
    website: 'https://www.cheshire.police.uk',
    pfaName: 'Cheshire',
    pfaCode: 'E23000006',
    aliases: ['Cheshire East', 'Cheshire West and Chester', 'Halton', 'Warrington'],
    newsSources: [soh('cheshire', 'https://www.cheshire.police.uk/news/cheshire/news/')],
    neighbours: ['derbyshire', 'greater-manchester', 'merseyside', 'north-wales', 'staffordshire', 'west-mercia'],
    newsArea: ['Cheshire', 'Warrington'],
  },
  {
    id: 'city-of-london',
    name: 'City of London Police',
    website: 'https://www.cityoflondon.police.uk',
    pfaName: 'London, City of',
    pfaCode: 'E23000034',
    aliases: ['City of London'],
    newsSources: [soh('city-of-london', 'https://www.cityoflondon.police.uk/news/city-of-london/news/')],
    neighbours: ['metropolitan'],
    newsArea: ['"City of London"'],
  },
  {
    id: 'cleveland',
    name: 'Cleveland Police',
    website: 'https://www.cleveland.police.uk',
    pfaName: 'Cleveland',
    pfaCode: 'E23000013',
    aliases: ['Middlesbrough', 'Hartlepool', 'Stockton-on-Tees', 'Redcar and Cleveland'],
    newsSources: [soh('cleveland', 'https://www.cleveland.police.uk/news/cleveland/news/')],
    neighbours: ['durham', 'north-yorkshire'],
    newsArea: ['Middlesbrough', 'Hartlepool', 'Stockton', 'Redcar'],
  },
  {
    id: 'cumbria',
    name: 'Cumbria Constabulary',
    website: 'https://www.cumbria.police.uk',
    pfaName: 'Cumbria',
    pfaCode: 'E23000002',
    aliases: ['Cumberland', 'Westmorland and Furness'],
    newsSources: [],
    neighbours: ['durham', 'lancashire', 'north-yorkshire', 'northumbria', 'police-scotland'],
    newsArea: ['Cumbria', 'Carlisle'],
  },
  {
    id: 'derbyshire',
    name: 'Derbyshire Constabulary',
    website: 'https://www.derbyshire.police.uk',
    pfaName: 'Derbyshire',
    pfaCode: 'E23000018',
    aliases: ['Derby'],
    newsSources: [soh('derbyshire', 'https://www.derbyshire.police.uk/news/derbyshire/news/')],
    neighbours: [
      'cheshire', 'greater-manchester', 'leicestershire', 'nottinghamshire', 'south-yorkshire', 'staffordshire',
      'west-yorkshire',
    ],
    newsArea: ['Derbyshire', 'Derby'],
  },
  {
    id: 'devon-and-cornwall',
    name: 'Devon and Cornwall Police',
    website: 'https://www.devon-cornwall.police.uk',
    pfaName: 'Devon & Cornwall',
    pfaCode: 'E23000035',
    aliases: ['Devon', 'Cornwall', 'Isles of Scilly', 'Plymouth', 'Torbay'],
    newsSources: [
      {
        kind: 'listing',
        url: 'https://news.devon-cornwall.police.uk/',
        evidence: 'Devon and Cornwall publish on their own news site, docs/design.md facts',
        checkedOn: RECHECKED_ON,
        address: 'seen',
      },
    ],
    neighbours: ['avon-and-somerset', 'dorset'],
    newsArea: ['Devon', 'Cornwall', 'Plymouth'],
  },
  {
    id: 'dorset',
    name: 'Dorset Police',
    website: 'https://www.dorset.police.uk',
    pfaName: 'Dorset',
    pfaCode: 'E23000039',
    aliases: ['Bournemouth, Christchurch and Poole'],
    newsSources: [soh('dorset', 'https://www.dorset.police.uk/news/dorset/news/', `${SOH_PATTERN}; Dorset shows Single Online Home paths in public scraper code, its slug inferred`)],
    neighbours: ['avon-and-somerset', 'devon-and-cornwall', 'hampshire', 'wiltshire'],
    newsArea: ['Dorset', 'Bournemouth', 'Poole'],
  },
  {
    id: 'durham',
    name: 'Durham Constabulary',
    website: 'https://www.durham.police.uk',
    pfaName: 'Durham',
    pfaCode: 'E23000008',
    aliases: ['County Durham', 'Darlington'],
    newsSources: [soh('durham', 'https://www.durham.police.uk/news/durham/news/')],
    neighbours: ['cleveland', 'cumbria', 'north-yorkshire', 'northumbria'],
    newsArea: ['"County Durham"', 'Darlington'],
  },
  {
    id: 'dyfed-powys',
    name: 'Dyfed-Powys Police',
    website: 'https://www.dyfed-powys.police.uk',
    pfaName: 'Dyfed-Powys',
    pfaCode: 'W15000004',
    aliases: ['Carmarthenshire', 'Pembrokeshire', 'Ceredigion', 'Powys', 'Sir Gaerfyrddin', 'Sir Benfro'],
    newsSources: [soh('dyfed-powys', 'https://www.dyfed-powys.police.uk/news/dyfed-powys/news/')],
    neighbours: ['gwent', 'north-wales', 'south-wales', 'west-mercia'],
    newsArea: ['Carmarthenshire', 'Pembrokeshire', 'Ceredigion', 'Powys'],
  },
  {
    id: 'essex',
    name: 'Essex Police',
    website: 'https://www.essex.police.uk',
    pfaName: 'Essex',
    pfaCode: 'E23000028',
    aliases: ['Southend-on-Sea', 'Thurrock'],
    newsSources: [soh('essex', 'https://www.essex.police.uk/news/essex/news/')],
    neighbours: ['cambridgeshire', 'hertfordshire', 'kent', 'metropolitan', 'suffolk'],
    newsArea: ['Essex'],
  },
  {
    id: 'gloucestershire',
    name: 'Gloucestershire Constabulary',
    website: 'https://www.gloucestershire.police.uk',
    pfaName: 'Gloucestershire',
    pfaCode: 'E23000037',
    aliases: [],
    newsSources: [soh('gloucestershire', 'https://www.gloucestershire.police.uk/news/gloucestershire/news/')],
    neighbours: ['avon-and-somerset', 'gwent', 'thames-valley', 'warwickshire', 'west-mercia', 'wiltshire'],
    newsArea: ['Gloucestershire', 'Cheltenham'],
  },
  {
    id: 'greater-manchester',
    name: 'Greater Manchester Police',
    website: 'https://www.gmp.police.uk',
    pfaName: 'Greater Manchester',
    pfaCode: 'E23000005',
    aliases: ['Manchester', 'Bolton', 'Bury', 'Oldham', 'Rochdale', 'Salford', 'Stockport', 'Tameside', 'Trafford', 'Wigan'],
    newsSources: [soh('greater-manchester', 'https://www.gmp.police.uk/news/greater-manchester/news/')],
    neighbours: ['cheshire', 'derbyshire', 'lancashire', 'merseyside', 'west-yorkshire'],
    newsArea: ['Manchester', 'Stockport', 'Bolton', 'Wigan'],
  },
  {
    id: 'gwent',
    name: 'Gwent Police',
    website: 'https://www.gwent.police.uk',
    pfaName: 'Gwent',
    pfaCode: 'W15000002',
    aliases: ['Newport', 'Monmouthshire', 'Torfaen', 'Blaenau Gwent', 'Caerphilly', 'Casnewydd', 'Sir Fynwy'],
    newsSources: [],
    neighbours: ['avon-and-somerset', 'dyfed-powys', 'gloucestershire', 'south-wales', 'west-mercia'],
    newsArea: ['Newport', 'Monmouthshire', 'Caerphilly', 'Torfaen'],
  },
  {
    id: 'hampshire',
    name: 'Hampshire and Isle of Wight Constabulary',
    website: 'https://www.hampshire.police.uk',
    pfaName: 'Hampshire',
    pfaCode: 'E23000030',
    aliases: ['Isle of Wight', 'Southampton', 'Portsmouth'],
    newsSources: [soh('hampshire', 'https://www.hampshire.police.uk/news/hampshire/news/')],
    neighbours: ['dorset', 'surrey', 'sussex', 'thames-valley', 'wiltshire'],
    newsArea: ['Hampshire', '"Isle of Wight"', 'Southampton', 'Portsmouth'],
  },
  {
    id: 'hertfordshire',
    name: 'Hertfordshire Constabulary',
    website: 'https://www.herts.police.uk',
    pfaName: 'Hertfordshire',
    pfaCode: 'E23000027',
    aliases: [],
    newsSources: [soh('hertfordshire', 'https://www.herts.police.uk/news/hertfordshire/news/')],
    neighbours: ['bedfordshire', 'cambridgeshire', 'essex', 'metropolitan', 'thames-valley'],
    newsArea: ['Hertfordshire', 'Herts'],
  },
  {
    id: 'humberside',
    name: 'Humberside Police',
    website: 'https://www.humberside.police.uk',
    pfaName: 'Humberside',
    pfaCode: 'E23000012',
    aliases: [
      'East Riding of Yorkshire', 'Kingston upon Hull, City of', 'Kingston upon Hull', 'Hull', 'North Lincolnshire',
      'North East Lincolnshire',
    ],
    newsSources: [soh('humberside', 'https://www.humberside.police.uk/news/humberside/news/', `${SOH_PATTERN}; Humberside shows Single Online Home paths in public scraper code, its slug inferred`)],
    neighbours: ['lincolnshire', 'north-yorkshire', 'south-yorkshire'],
    newsArea: ['Hull', '"East Riding"', 'Grimsby', 'Scunthorpe'],
  },
  {
    id: 'kent',
    name: 'Kent Police',
    website: 'https://www.kent.police.uk',
    pfaName: 'Kent',
    pfaCode: 'E23000032',
    aliases: ['Medway'],
    newsSources: [soh('kent', 'https://www.kent.police.uk/news/kent/latest/')],
    neighbours: ['essex', 'metropolitan', 'surrey', 'sussex'],
    newsArea: ['Kent', 'Medway'],
  },
  {
    id: 'lancashire',
    name: 'Lancashire Constabulary',
    website: 'https://www.lancashire.police.uk',
    pfaName: 'Lancashire',
    pfaCode: 'E23000003',
    aliases: ['Blackpool', 'Blackburn with Darwen'],
    newsSources: [],
    neighbours: ['cumbria', 'greater-manchester', 'merseyside', 'north-yorkshire', 'west-yorkshire'],
    newsArea: ['Lancashire', 'Blackpool', 'Preston', 'Blackburn'],
  },
  {
    id: 'leicestershire',
    name: 'Leicestershire Police',
    website: 'https://www.leics.police.uk',
    pfaName: 'Leicestershire',
    pfaCode: 'E23000021',
    aliases: ['Leicester', 'Rutland'],
    newsSources: [soh('leicestershire', 'https://www.leics.police.uk/news/leicestershire/news/')],
    neighbours: ['derbyshire', 'lincolnshire', 'northamptonshire', 'nottinghamshire', 'staffordshire', 'warwickshire'],
    newsArea: ['Leicestershire', 'Leicester', 'Rutland'],
  },
  {
    id: 'lincolnshire',
    name: 'Lincolnshire Police',
    website: 'https://www.lincs.police.uk',
    pfaName: 'Lincolnshire',
    pfaCode: 'E23000020',
    aliases: [],
    newsSources: [soh('lincolnshire', 'https://www.lincs.police.uk/news/lincolnshire/news/')],
    neighbours: [
      'cambridgeshire', 'humberside', 'leicestershire', 'norfolk', 'northamptonshire', 'nottinghamshire',
      'south-yorkshire',
    ],
    newsArea: ['Lincolnshire', 'Lincoln'],
  },
  {
    id: 'merseyside',
    name: 'Merseyside Police',
    website: 'https://www.merseyside.police.uk',
    pfaName: 'Merseyside',
    pfaCode: 'E23000004',
    aliases: ['Liverpool', 'Knowsley', 'Sefton', 'St. Helens', 'St Helens', 'Wirral'],
    newsSources: [soh('merseyside', 'https://www.merseyside.police.uk/news/merseyside/news/')],
    neighbours: ['cheshire', 'greater-manchester', 'lancashire'],
    newsArea: ['Merseyside', 'Liverpool', 'Wirral'],
  },
  {
    id: 'metropolitan',
    name: 'Metropolitan Police Service',
    website: 'https://www.met.police.uk',
    pfaName: 'Metropolitan Police',
    pfaCode: 'E23000001',
    aliases: ['Greater London', 'London'],
    newsSources: [
      {
        kind: 'rss',
        url: 'https://news.met.police.uk/rss/current_news/66871',
        evidence: 'The Met newsroom publishes RSS 2.0 at news.met.police.uk/rss/… (docs/design.md facts)',
        checkedOn: RECHECKED_ON,
        address: 'seen',
      },
    ],
    neighbours: ['city-of-london', 'essex', 'hertfordshire', 'kent', 'surrey', 'thames-valley'],
    newsArea: ['London'],
  },
  {
    id: 'norfolk',
    name: 'Norfolk Constabulary',
    website: 'https://www.norfolk.police.uk',
    pfaName: 'Norfolk',
    pfaCode: 'E23000024',
    aliases: [],
    newsSources: [],
    neighbours: ['cambridgeshire', 'lincolnshire', 'suffolk'],
    newsArea: ['Norfolk', 'Norwich'],
  },
  {
    id: 'north-wales',
    name: 'North Wales Police',
    website: 'https://www.northwales.police.uk',
    pfaName: 'North Wales',
    pfaCode: 'W15000001',
    aliases: [
      'Gwynedd', 'Conwy', 'Denbighshire', 'Flintshire', 'Wrexham', 'Isle of Anglesey', 'Sir Ddinbych',
      'Sir y Fflint', 'Wrecsam', 'Ynys Môn',
    ],
    newsSources: [soh('north-wales', 'https://www.northwales.police.uk/news/north-wales/news/', `${SOH_PATTERN}; North Wales shows Single Online Home paths in public scraper code, its slug inferred`)],
    neighbours: ['cheshire', 'dyfed-powys', 'west-mercia'],
    newsArea: ['"North Wales"', 'Wrexham', 'Conwy', 'Gwynedd', 'Anglesey'],
  },
  {
    id: 'north-yorkshire',
    name: 'North Yorkshire Police',
    website: 'https://www.northyorkshire.police.uk',
    pfaName: 'North Yorkshire',
    pfaCode: 'E23000009',
    aliases: ['York'],
    newsSources: [soh('north-yorkshire', 'https://www.northyorkshire.police.uk/news/north-yorkshire/news/')],
    neighbours: ['cleveland', 'cumbria', 'durham', 'humberside', 'lancashire', 'south-yorkshire', 'west-yorkshire'],
    newsArea: ['"North Yorkshire"', 'York', 'Harrogate', 'Scarborough'],
  },
  {
    id: 'northamptonshire',
    name: 'Northamptonshire Police',
    website: 'https://www.northants.police.uk',
    pfaName: 'Northamptonshire',
    pfaCode: 'E23000022',
    aliases: ['North Northamptonshire', 'West Northamptonshire', 'Northants'],
    newsSources: [soh('northamptonshire', 'https://www.northants.police.uk/news/northants/news/')],
    neighbours: ['bedfordshire', 'cambridgeshire', 'leicestershire', 'lincolnshire', 'thames-valley', 'warwickshire'],
    newsArea: ['Northamptonshire', 'Northampton'],
  },
  {
    id: 'northumbria',
    name: 'Northumbria Police',
    website: 'https://www.northumbria.police.uk',
    pfaName: 'Northumbria',
    pfaCode: 'E23000007',
    aliases: [
      'Northumberland', 'Tyne and Wear', 'Newcastle upon Tyne', 'Gateshead', 'North Tyneside', 'South Tyneside',
      'Sunderland',
    ],
    newsSources: [soh('northumbria', 'https://www.northumbria.police.uk/news/northumbria/news/')],
    neighbours: ['cumbria', 'durham', 'police-scotland'],
    newsArea: ['Newcastle', 'Sunderland', 'Northumberland', 'Gateshead'],
  },
  {
    id: 'nottinghamshire',
    name: 'Nottinghamshire Police',
    website: 'https://www.nottinghamshire.police.uk',
    pfaName: 'Nottinghamshire',
    pfaCode: 'E23000019',
    aliases: ['Nottingham'],
    newsSources: [soh('nottinghamshire', 'https://www.nottinghamshire.police.uk/news/nottinghamshire/news/')],
    neighbours: ['derbyshire', 'leicestershire', 'lincolnshire', 'south-yorkshire'],
    newsArea: ['Nottinghamshire', 'Nottingham'],
  },
  {
    id: 'south-wales',
    name: 'South Wales Police',
    website: 'https://www.south-wales.police.uk',
    pfaName: 'South Wales',
    pfaCode: 'W15000003',
    aliases: [
      'Cardiff', 'Swansea', 'Bridgend', 'Vale of Glamorgan', 'Neath Port Talbot', 'Rhondda Cynon Taf',
      'Merthyr Tydfil', 'Caerdydd', 'Abertawe',
    ],
    newsSources: [soh('south-wales', 'https://www.south-wales.police.uk/news/south-wales/news/')],
    neighbours: ['dyfed-powys', 'gwent'],
    newsArea: ['Cardiff', 'Swansea', 'Bridgend', '"Vale of Glamorgan"'],
  },
  {
    id: 'south-yorkshire',
    name: 'South Yorkshire Police',
    website: 'https://www.southyorkshire.police.uk',
    pfaName: 'South Yorkshire',
    pfaCode: 'E23000011',
    aliases: ['Sheffield', 'Doncaster', 'Rotherham', 'Barnsley'],
    newsSources: [soh('south-yorkshire', 'https://www.southyorkshire.police.uk/news/south-yorkshire/news/')],
    neighbours: ['derbyshire', 'humberside', 'lincolnshire', 'north-yorkshire', 'nottinghamshire', 'west-yorkshire'],
    newsArea: ['Sheffield', 'Doncaster', 'Rotherham', 'Barnsley'],
  },
  {
    id: 'staffordshire',
    name: 'Staffordshire Police',
    website: 'https://www.staffordshire.police.uk',
    pfaName: 'Staffordshire',
    pfaCode: 'E23000015',
    aliases: ['Stoke-on-Trent'],
    newsSources: [soh('staffordshire', 'https://www.staffordshire.police.uk/news/staffordshire/news/')],
    neighbours: ['cheshire', 'derbyshire', 'leicestershire', 'warwickshire', 'west-mercia', 'west-midlands'],
    newsArea: ['Staffordshire', 'Stoke'],
  },
  {
    id: 'suffolk',
    name: 'Suffolk Constabulary',
    website: 'https://www.suffolk.police.uk',
    pfaName: 'Suffolk',
    pfaCode: 'E23000025',
    aliases: [],
    newsSources: [soh('suffolk', 'https://www.suffolk.police.uk/news/suffolk/news/')],
    neighbours: ['cambridgeshire', 'essex', 'norfolk'],
    newsArea: ['Suffolk', 'Ipswich'],
  },
  {
    id: 'surrey',
    name: 'Surrey Police',
    website: 'https://www.surrey.police.uk',
    pfaName: 'Surrey',
    pfaCode: 'E23000031',
    aliases: [],
    newsSources: [soh('surrey', 'https://www.surrey.police.uk/news/surrey/news/')],
    neighbours: ['hampshire', 'kent', 'metropolitan', 'sussex', 'thames-valley'],
    newsArea: ['Surrey'],
  },
  {
    id: 'sussex',
    name: 'Sussex Police',
    website: 'https://www.sussex.police.uk',
    pfaName: 'Sussex',
    pfaCode: 'E23000033',
    aliases: ['East Sussex', 'West Sussex', 'Brighton and Hove'],
    newsSources: [soh('sussex', 'https://www.sussex.police.uk/news/sussex/news/')],
    neighbours: ['hampshire', 'kent', 'surrey'],
    newsArea: ['Sussex', 'Brighton'],
  },
  {
    id: 'thames-valley',
    name: 'Thames Valley Police',
    website: 'https://www.thamesvalley.police.uk',
    pfaName: 'Thames Valley',
    pfaCode: 'E23000029',
    aliases: [
      'Berkshire', 'Buckinghamshire', 'Oxfordshire', 'Milton Keynes', 'Reading', 'Slough', 'West Berkshire',
      'Windsor and Maidenhead', 'Wokingham', 'Bracknell Forest',
    ],
    newsSources: [soh('thames-valley', 'https://www.thamesvalley.police.uk/news/thames-valley/news/')],
    neighbours: [
      'bedfordshire', 'gloucestershire', 'hampshire', 'hertfordshire', 'metropolitan', 'northamptonshire', 'surrey',
      'warwickshire', 'wiltshire',
    ],
    newsArea: ['Berkshire', 'Buckinghamshire', 'Oxfordshire', '"Milton Keynes"'],
  },
  {
    id: 'warwickshire',
    name: 'Warwickshire Police',
    website: 'https://www.warwickshire.police.uk',
    pfaName: 'Warwickshire',
    pfaCode: 'E23000017',
    aliases: [],
    newsSources: [soh('warwickshire', 'https://www.warwickshire.police.uk/news/warwickshire/news/')],
    neighbours: [
      'gloucestershire', 'leicestershire', 'northamptonshire', 'staffordshire', 'thames-valley', 'west-mercia',
      'west-midlands',
    ],
    newsArea: ['Warwickshire', 'Nuneaton', 'Rugby'],
  },
  {
    id: 'west-mercia',
    name: 'West Mercia Police',
    website: 'https://www.westmercia.police.uk',
    pfaName: 'West Mercia',
    pfaCode: 'E23000016',
    aliases: ['Worcestershire', 'Herefordshire', 'Herefordshire, County of', 'Shropshire', 'Telford and Wrekin'],
    newsSources: [soh('west-mercia', 'https://www.westmercia.police.uk/news/west-mercia/news/')],
    neighbours: [
      'cheshire', 'dyfed-powys', 'gloucestershire', 'gwent', 'north-wales', 'staffordshire', 'warwickshire',
      'west-midlands',
    ],
    newsArea: ['Worcestershire', 'Herefordshire', 'Shropshire', 'Telford'],
  },
  {
    id: 'west-midlands',
    name: 'West Midlands Police',
    website: 'https://www.west-midlands.police.uk',
    pfaName: 'West Midlands',
    pfaCode: 'E23000014',
    aliases: ['Birmingham', 'Coventry', 'Dudley', 'Sandwell', 'Solihull', 'Walsall', 'Wolverhampton'],
    newsSources: [
      soh(
        'west-midlands',
        'https://www.west-midlands.police.uk/news/west-midlands/news/',
        'Feed seen at /news/west-midlands/news/GetNewsRss/ in public scraper code (the path; the host west-midlands.police.uk is the force site). The earlier /news/ address was the section page, not the listing',
      ),
    ],
    neighbours: ['staffordshire', 'warwickshire', 'west-mercia'],
    newsArea: ['Birmingham', 'Coventry', 'Wolverhampton', 'Walsall', 'Solihull'],
  },
  {
    id: 'west-yorkshire',
    name: 'West Yorkshire Police',
    website: 'https://www.westyorkshire.police.uk',
    pfaName: 'West Yorkshire',
    pfaCode: 'E23000010',
    aliases: ['Leeds', 'Bradford', 'Calderdale', 'Kirklees', 'Wakefield'],
    newsSources: [],
    neighbours: ['derbyshire', 'greater-manchester', 'lancashire', 'north-yorkshire', 'south-yorkshire'],
    newsArea: ['Leeds', 'Bradford', 'Wakefield', 'Huddersfield', 'Halifax'],
  },
  {
    id: 'wiltshire',
    name: 'Wiltshire Police',
    website: 'https://www.wiltshire.police.uk',
    pfaName: 'Wiltshire',
    pfaCode: 'E23000038',
    aliases: ['Swindon'],
    newsSources: [soh('wiltshire', 'https://www.wiltshire.police.uk/news/wiltshire/news/', `${SOH_PATTERN}; Wiltshire shows Single Online Home paths in public scraper code, its slug inferred`)],
    neighbours: ['avon-and-somerset', 'dorset', 'gloucestershire', 'hampshire', 'thames-valley'],
    newsArea: ['Wiltshire', 'Swindon'],
  },
  {
    id: 'btp',
    name: 'British Transport Police',
    website: 'https://www.btp.police.uk',
    aliases: [],
    newsSources: [soh('btp', 'https://www.btp.police.uk/news/btp/news/')],
    neighbours: [],
    newsArea: ['"British Transport Police"'],
  },
  {
    id: 'northern-ireland',
    name: 'Police Service of Northern Ireland',
    website: 'https://www.psni.police.uk',
    pfaName: 'Northern Ireland',
    aliases: ['PSNI', 'Belfast'],
    newsSources: [],
    neighbours: [],
    newsArea: ['"Northern Ireland"', 'Belfast'],
  },
  {
    id: 'police-scotland',
    name: 'Police Scotland',
    website: 'https://www.scotland.police.uk',
    pfaName: 'Scotland',
    pfaCode: 'S23000009',
    aliases: ['Scotland'],
    newsSources: [
      {
        kind: 'listing',
        url: 'https://www.scotland.police.uk/what-s-happening/news/',
        evidence: "Police Scotland's news page (another CMS), docs/design.md facts",
        checkedOn: RECHECKED_ON,
        address: 'seen',
      },
    ],
    neighbours: ['cumbria', 'northumbria'],
    newsArea: ['Scotland', 'Glasgow', 'Edinburgh'],
  },
];
