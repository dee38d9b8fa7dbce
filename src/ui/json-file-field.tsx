/** A labelled picker for one JSON file; the input is cleared so picking the same file again reads it again. */
import { useId, type ReactNode } from 'react';

export function JsonFileField(props: { label: string; hint?: string; error?: ReactNode; onFile: (file: File) => void }) {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {props.error}
        </div>
      ) : null}
      <input
        id={id}
        type="file"
        accept="application/json,.json"
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </div>
  );
}
