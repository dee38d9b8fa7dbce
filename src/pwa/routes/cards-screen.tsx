/**
 * Advice cards to print, personalised for one person. The chosen card is fitted to its paper in the browser and
 * printed one sheet per page at exactly its size (CSS named pages in styles.css), so "Print" and "Save as PDF" give A6, wallet, A5 or A4
 * sheets without scaling. When something had to give (smaller type, more sheets), the preview says so.
 */
import { useEffect, useRef, useState } from 'react';
import { cardContent } from '../../core/cards/card-content.ts';
import { CARD_KINDS, cardKind, type CardKindId } from '../../core/cards/card-kinds.ts';
import { CheckboxField } from '../../ui/field.tsx';
import { PersonPicker } from '../../ui/person-picker.tsx';
import { setSetting, SETTINGS, useCurrentPerson, usePeople } from '../app-data.ts';
import { CardSheets, sheetWidthPx, type CardFit } from '../cards/card-sheets.tsx';
import { forceName } from '../forces.ts';
import { Link } from '../router.tsx';

function fitNotes(fit: CardFit | undefined, wallet: boolean): string[] {
  if (!fit) return [];
  const notes: string[] = [];
  if (fit.fontPt < fit.preferredPt) notes.push(`To fit everything, the text is printed at ${fit.fontPt} pt instead of ${fit.preferredPt} pt.`);
  if (fit.pages.length > 1) {
    notes.push(
      wallet
        ? `Everything does not fit on one card, so it prints on ${fit.pages.length} pages: print them back to back, or fold them together.`
        : `Everything does not fit on one sheet, so it prints on ${fit.pages.length} pages. Keep them together.`,
    );
  }
  if (fit.overflow) notes.push('Some text is too long for this card even at the smallest size: shorten the names or numbers in the person’s details.');
  return notes;
}

export function CardsScreen() {
  const people = usePeople();
  const person = useCurrentPerson(people);
  const [kindId, setKindId] = useState<CardKindId>('phone-side');
  const [extraLarge, setExtraLarge] = useState(false);
  const [fit, setFit] = useState<CardFit | undefined>();
  // The preview's width in px, so a sheet wider than the screen (A6 and up on a phone) is shrunk to be seen whole.
  const preview = useRef<HTMLDivElement>(null);
  const [previewWidth, setPreviewWidth] = useState<number>();
  const hasPerson = Boolean(person);
  useEffect(() => {
    const element = preview.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setPreviewWidth(element.clientWidth));
    observer.observe(element);
    setPreviewWidth(element.clientWidth);
    return () => observer.disconnect();
  }, [hasPerson]);
  if (!people) return <p>Loading…</p>;
  if (!person) {
    return (
      <>
        <h1>Cards</h1>
        <p>Add the person you look after first: the cards carry their name and numbers.</p>
        <Link className="button" to="/people/new">
          Add a person
        </Link>
      </>
    );
  }
  const kind = cardKind(kindId) ?? CARD_KINDS[0]!;
  const content = cardContent(kind.id, person, { forceName: forceName(person.forceId) });
  const notes = fitNotes(fit, kind.id === 'wallet');
  const scale = previewWidth ? Math.min(1, Math.floor((previewWidth / sheetWidthPx(kind)) * 100) / 100) : 1;

  return (
    <>
      <div className="no-print">
        <h1>Advice cards</h1>
        <PersonPicker people={people} value={person.id} onChange={(id) => void setSetting(SETTINGS.currentPersonId, id)} label="Card for" />
        <fieldset className="group">
          <legend>Which card</legend>
          {CARD_KINDS.map((option) => (
            <div className="check" key={option.id}>
              <input type="radio" id={`card-${option.id}`} name="card-kind" value={option.id} checked={option.id === kind.id} onChange={() => setKindId(option.id)} />
              <label htmlFor={`card-${option.id}`}>
                {option.title}: {option.purpose}
              </label>
            </div>
          ))}
        </fieldset>
        <p className="note" data-testid="safe-word-reason">
          {person.safeWord?.trim() ? kind.safeWordReason : `No family safe word is saved for ${person.name}. ${kind.safeWordReason}`}
        </p>
        <CheckboxField label="Extra large print" checked={extraLarge} onChange={setExtraLarge} />
        <div className="actions">
          <button type="button" onClick={() => window.print()}>
            {fit && fit.pages.length > 1 ? `Print this card (${fit.pages.length} pages)` : 'Print this card'}
          </button>
        </div>
        <h2>Preview</h2>
        <p className="hint">
          Printed at exactly {kind.widthMm} × {kind.heightMm} mm{scale < 1 ? `; shown here at ${Math.round(scale * 100)}% to fit the screen` : ''}. Choose “Save
          as PDF” in the print window to keep a copy.
        </p>
        {notes.length > 0 ? (
          <div className="warning" role="status" data-testid="fit-warning">
            {notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </div>
        ) : (
          <p className="visually-hidden" role="status">
            Everything fits on one {kind.id === 'wallet' ? 'card' : 'sheet'}.
          </p>
        )}
      </div>
      <div className="card-preview" tabIndex={0} role="region" aria-label="Card preview" ref={preview}>
        <CardSheets kind={kind} content={content} printSize={extraLarge ? 'large' : 'standard'} personName={person.name} onFit={setFit} previewScale={scale} />
      </div>
    </>
  );
}
