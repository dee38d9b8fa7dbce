/**
 * What a relative says when phoning the parent about a current spate: short lines, in order, filled in with what
 * the fraudsters are saying nearby. Plain text only; feed words are never markup.
 */
import { describeImpersonated } from '../detect/impersonated-wording.ts';
import type { Spate } from '../spates/spate.ts';
import { nameToSay, type CaredPerson } from './person.ts';

const TACTIC_SAYINGS: Record<string, string> = {
  'pin-request': 'ask for your PIN or bank details',
  'card-handover': 'ask you to hand over your bank card',
  'cash-withdrawal': 'ask you to take cash out of the bank',
  'courier-collection': 'send a courier or a taxi to collect things',
  'bank-transfer': 'ask you to move money to a "safe account"',
  'high-value-purchase': 'ask you to buy gold, jewellery or gift cards',
  'valuables-handover': 'ask for jewellery or valuables',
  'line-held-open': 'tell you to ring 999 or the bank to check, while they keep the line open',
  secrecy: 'tell you to keep it secret, even from family',
  post: 'ask you to post cash',
};

export interface ScriptLine {
  /** Who says it or what to do: "Say", "Ask", "If". */
  cue: string;
  text: string;
}

export function phoneScript(spate: Spate, person: CaredPerson, callerName: string): ScriptLine[] {
  const where = spate.places.length > 0 ? spate.places.slice(0, 3).join(', ') : 'your area';
  const who = describeImpersonated(spate);
  const sayings = spate.tactics.map((tactic) => TACTIC_SAYINGS[tactic]).filter((text): text is string => Boolean(text));
  const lines: ScriptLine[] = [
    { cue: 'Say', text: `Hello ${nameToSay(person)}, it's ${callerName || 'me'}. Nothing is wrong. I'm ringing because of a warning from the police.` },
    { cue: 'Say', text: `People pretending to be ${who.roles} are phoning older people around ${where} right now.` },
  ];
  if (who.names.length > 0) lines.push({ cue: 'Say', text: `They may say they are ${who.names.slice(0, 3).join(' or ')}.` });
  if (sayings.length > 0) lines.push({ cue: 'Say', text: `They ${sayings.join(', and ')}.` });
  lines.push(
    { cue: 'Say', text: 'Real police and banks never ask for your PIN, never send a courier for your card or cash, and never ask you to move money.' },
    { cue: 'Ask', text: 'Has anyone rung you like that in the last few days?' },
    { cue: 'If yes', text: 'Ask what they said and what was given. Log the call in Kinwatch; its next steps tell you who to ring.' },
    { cue: 'Say', text: 'If anyone rings like that: just hang up. Then ring me from your mobile, or wait five minutes before using the phone.' },
  );
  if (person.safeWord?.trim()) lines.push({ cue: 'Remind', text: 'Anyone from the family will know our safe word. Never say it first.' });
  lines.push({ cue: 'Say', text: 'If someone comes to the door for your card or money, keep the door shut and ring 999.' });
  return lines;
}
