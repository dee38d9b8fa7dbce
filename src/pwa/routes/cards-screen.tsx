/**
 * Advice cards to print, personalised for one person. The chosen card is printed alone on a page of exactly its
 * size (CSS @page), so "Print" and "Save as PDF" give an A6, wallet, A5 or A4 sheet without scaling.
 */
import { useState } from 'react';
import { cardContent } from '../../core/cards/card-content.ts';
import { CARD_KINDS, cardKind, type CardKindId } from '../../core/cards/card-kinds.ts';
import { CheckboxField } from '../../ui/field.tsx';
import { PersonPicker } from '../../ui/person-picker.tsx';
import { setSetting, SETTINGS, useCurrentPerson, usePeople } from '../app-data.ts';
import { forceName } from '../forces.ts';
import { Link } from '../router.tsx';

export function CardsScreen() {
  const people = usePeople();
  const person = useCurrentPerson(people);
  const [kindId, setKindId] = useState<CardKindId>('phone-side');
  const [extraLarge, setExtraLarge] = useState(false);
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

  return (
    <>
      <style>{`@page { size: ${kind.cssPageSize}; margin: 0; }`}</style>
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
        <CheckboxField label="Extra large print" checked={extraLarge} onChange={setExtraLarge} />
        <div className="actions">
          <button type="button" onClick={() => window.print()}>
            Print this card
          </button>
        </div>
        <h2>Preview</h2>
        <p className="hint">
          Printed at exactly {kind.widthMm} × {kind.heightMm} mm. Choose “Save as PDF” in the print window to keep a copy.
        </p>
      </div>
      <div className="card-preview">
        <article
          className={`card-sheet card-${kind.id}${extraLarge ? ' extra-large' : ''}`}
          style={{ width: `${kind.widthMm}mm`, height: `${kind.heightMm}mm` }}
          aria-label={`${kind.title} for ${person.name}`}
          data-card={kind.id}
        >
          <h2 className="card-heading">{content.heading}</h2>
          <ul className="card-never">
            {content.never.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h3 className="card-subheading">Do this</h3>
          <ol className="card-todo">
            {content.todo.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
          <h3 className="card-subheading">Numbers</h3>
          <dl className="card-numbers">
            {content.numbers.map((line) => (
              <div key={`${line.label}-${line.value}`}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
          {content.safeWord ? <p className="card-safe-word">
              Family safe word: <strong>{content.safeWord}</strong>. Family will know it. Never say it first.
            </p> : null}
          {kind.id === 'wallet' ? null : <p className="card-footer">{content.footer}</p>}
        </article>
      </div>
    </>
  );
}
