/**
 * Generated feeds for the pipeline benches: 46 sources × 50 items of realistic RSS, by default a fifth of them
 * courier-fraud reports (several naming the same incident: a week of spates everywhere at once), the rest the usual
 * force news (burglary, collisions, rogue traders, romance fraud, appeals) that must stay out. Deterministic.
 */
export const TOWNS = [
  'Colchester', 'Chelmsford', 'Ipswich', 'Norwich', 'Cambridge', 'Bedford', 'Luton', 'St Albans', 'Reading', 'Oxford',
  'Guildford', 'Brighton', 'Maidstone', 'Canterbury', 'Southampton', 'Portsmouth', 'Bournemouth', 'Exeter', 'Plymouth',
  'Truro', 'Bristol', 'Bath', 'Gloucester', 'Swindon', 'Worcester', 'Hereford', 'Birmingham', 'Coventry', 'Leicester',
  'Nottingham', 'Derby', 'Lincoln', 'Northampton', 'Stoke-on-Trent', 'Shrewsbury', 'Chester', 'Liverpool', 'Manchester',
  'Preston', 'Lancaster', 'Leeds', 'Sheffield', 'York', 'Kingston upon Hull', 'Durham', 'Newcastle upon Tyne',
] as const;

export const SOURCE_COUNT = 46;
export const ITEMS_PER_SOURCE = 50;

const RELEVANT = [
  (town: string, n: number) => ({
    title: `Warning after fake police officers target older residents in ${town}`,
    body: `We have received ${n + 3} reports in the last week from residents in ${town} who were called by a man claiming to be a detective from the Metropolitan Police. He said their bank card had been cloned and asked for their PIN. A courier was then sent to collect the card. One man in his eighties lost £${(n + 2) * 1500}. Police will never ask for your PIN or send a courier to collect cards or cash.`,
  }),
  (town: string, n: number) => ({
    title: `${town} pensioner tricked into withdrawing cash by caller posing as police`,
    body: `A woman in ${town} was told by a caller pretending to be a police officer that staff at her bank were corrupt. She was told to withdraw £${(n + 4) * 1000} in cash and keep it secret. A taxi driver later collected the money from her home. Hang up and call 101 from another phone.`,
  }),
  (town: string, n: number) => ({
    title: `Courier fraud: ${town} residents told to buy gold by bogus officers`,
    body: `Fraudsters posing as officers phoned ${n + 2} people in ${town} and told them to buy gold bars to help an investigation. When one victim called 999 to check, the line was still open and the fraudster answered. Police and banks will never ask you to buy gold.`,
  }),
];

const IRRELEVANT = [
  (town: string) => ({ title: `Jewellery stolen in ${town} burglary`, body: `A house in ${town} was broken into overnight and jewellery and cash were taken. Officers are appealing for witnesses and dashcam footage.` }),
  (town: string) => ({ title: `Appeal after collision on the ring road in ${town}`, body: `A cyclist was taken to hospital after a collision with a van in ${town} on Tuesday morning. Anyone who saw it is asked to call 101.` }),
  (town: string) => ({ title: `Rogue trader warning in ${town}`, body: `Residents in ${town} are warned about cold callers offering roof repairs and demanding large sums for poor work. Use trusted traders.` }),
  (town: string) => ({ title: `Man jailed for romance fraud against ${town} woman`, body: `A man who met a woman from ${town} online and persuaded her to send him money for plane tickets has been jailed for four years.` }),
  (town: string) => ({ title: `Community event: meet your ${town} neighbourhood team`, body: `Officers from the ${town} neighbourhood policing team will be at the library on Saturday morning to talk about local priorities.` }),
  (town: string) => ({ title: `Drugs warrant executed in ${town}`, body: `Officers executed a warrant at an address in ${town} and seized cannabis plants worth an estimated £20,000. Two men were arrested.` }),
  (town: string) => ({ title: `Missing ${town} teenager found safe`, body: `Thank you to everyone who shared our appeal. The 15-year-old from ${town} has been found safe and well.` }),
  (town: string) => ({ title: `Investment scam warning for ${town} savers`, body: `People in ${town} are warned about cryptocurrency investment adverts on social media promising high returns.` }),
];

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface GeneratedSource {
  sourceId: string;
  url: string;
  town: string;
  xml: string;
}

/**
 * One RSS 2.0 feed per town. `now` anchors the dates so spates fall inside the 14-day window. `relevantEvery`: one
 * item in that many is a courier-fraud report (5 by default; force news is mostly other things, 25 is nearer a
 * normal week).
 */
export function generateFeeds(now: number, relevantEvery = 5): GeneratedSource[] {
  return TOWNS.slice(0, SOURCE_COUNT).map((town, sourceIndex) => {
    const sourceId = `bench:${sourceIndex}`;
    const items = Array.from({ length: ITEMS_PER_SOURCE }, (_, index) => {
      const relevant = index % relevantEvery === 0;
      const story = relevant ? RELEVANT[(index / relevantEvery) % RELEVANT.length]!(town, index) : IRRELEVANT[index % IRRELEVANT.length]!(town);
      const link = `https://news.example.test/${sourceIndex}/${index}/${story.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}?utm_source=rss`;
      const date = new Date(now - (index % 20) * 86_400_000 * 0.9).toUTCString();
      return `<item><title>${escapeXml(story.title)}</title><link>${escapeXml(link)}</link><guid isPermaLink="true">${escapeXml(link)}</guid><pubDate>${date}</pubDate><description><![CDATA[<p>${story.body}</p>]]></description></item>`;
    }).join('\n');
    const xml = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(town)} police news</title><link>https://news.example.test/${sourceIndex}/</link><description>News from ${escapeXml(town)}</description>${items}</channel></rss>`;
    return { sourceId, url: `https://news.example.test/${sourceIndex}/rss`, town, xml };
  });
}
