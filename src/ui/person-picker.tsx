/** Chooses which person a screen is about; the choice is remembered across screens. */
import type { CaredPerson } from '../core/calls/person.ts';
import { SelectField } from './field.tsx';

export function PersonPicker(props: {
  people: CaredPerson[];
  value: string;
  onChange: (personId: string) => void;
  label?: string;
  allowAll?: boolean;
  id?: string;
  error?: string | undefined;
}) {
  const options = props.people.map((person) => ({ value: person.id, label: person.name }));
  return (
    <SelectField
      id={props.id}
      error={props.error}
      label={props.label ?? 'Person'}
      value={props.value}
      onChange={props.onChange}
      options={props.allowAll ? [{ value: '', label: 'Everyone' }, ...options] : options}
    />
  );
}
