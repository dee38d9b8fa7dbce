/** Form fields with a visible label, an optional hint and an error tied to the input for screen readers. */
import { useId, type ReactNode } from 'react';

interface BaseProps {
  /** A stable id, for an error summary to link to; generated when absent. */
  id?: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  name?: string;
}

function describedBy(hintId: string, errorId: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Extras({ hint, error, hintId, errorId }: { hint?: string | undefined; error?: string | undefined; hintId: string; errorId: string }) {
  return (
    <>
      {hint ? <p className="hint" id={hintId}>{hint}</p> : null}
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
    </>
  );
}

export function TextField(
  props: BaseProps & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'tel' | 'date' | 'datetime-local' | 'search' | 'url' | 'number' | 'time';
    multiline?: boolean;
    required?: boolean;
    autoComplete?: string;
    placeholder?: string;
    disabled?: boolean;
    /** Bounds for number, date and time inputs. */
    min?: number | string;
    max?: number | string;
  },
) {
  const generated = useId();
  const id = props.id ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name: props.name,
    value: props.value,
    'aria-describedby': describedBy(hintId, errorId, props.hint, props.error),
    'aria-invalid': props.error ? true : undefined,
    required: props.required,
    autoComplete: props.autoComplete,
    placeholder: props.placeholder,
    disabled: props.disabled,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <Extras hint={props.hint} error={props.error} hintId={hintId} errorId={errorId} />
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input {...common} type={props.type ?? 'text'} min={props.min} max={props.max} onChange={(event) => props.onChange(event.target.value)} />
      )}
    </div>
  );
}

export function SelectField(
  props: BaseProps & { value: string; onChange: (value: string) => void; options: { value: string; label: string }[] },
) {
  const generated = useId();
  const id = props.id ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <Extras hint={props.hint} error={props.error} hintId={hintId} errorId={errorId} />
      <select
        id={id}
        name={props.name}
        value={props.value}
        aria-describedby={describedBy(hintId, errorId, props.hint, props.error)}
        aria-invalid={props.error ? true : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; name?: string }) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} name={props.name} type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

/** A group of checkboxes with a legend, e.g. "What did they ask for?". */
export function CheckboxGroup<T extends string>(props: {
  legend: string;
  hint?: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset className="group" aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      {props.error ? <p className="field-error" id={`${id}-error`}>{props.error}</p> : null}
      {props.options.map((option) => (
        <CheckboxField
          key={option}
          label={props.labels[option]}
          checked={props.value.includes(option)}
          onChange={(checked) => props.onChange(checked ? [...props.value, option] : props.value.filter((entry) => entry !== option))}
        />
      ))}
    </fieldset>
  );
}

export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
