/**
 * The list of what is wrong with a form, shown at its top after a failed submit: it takes focus (so a phone user sees
 * it, not a Save button with errors off-screen) and links to each field. Follows the GOV.UK error summary pattern.
 */
import { useEffect, useRef, type MouseEvent } from 'react';

export interface FormError {
  /** The id of the field to go to. */
  fieldId: string;
  message: string;
}

/**
 * `attempt` changes on every submit, so the summary takes focus again when the same errors remain.
 * Renders nothing when there are no errors.
 */
export function ErrorSummary({ errors, attempt }: { errors: readonly FormError[]; attempt: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) box.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  if (errors.length === 0) return null;
  const go = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  };
  return (
    <div className="error-summary" ref={box} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{errors.length === 1 ? 'There is a problem' : `There are ${errors.length} problems`}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.fieldId + error.message}>
            <a href={`#${error.fieldId}`} onClick={(event) => go(event, error.fieldId)}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
