import { describe, expect, it } from 'vitest';
import { findImpersonated } from '../../../src/core/detect/impersonated.ts';

describe('organisations impersonated', () => {
  it('names a force when it is named as the one impersonated, and the Met by its name', () => {
    expect(findImpersonated('The con artists claim to be from Essex Police or the Met.')).toEqual(['Essex Police', 'Metropolitan Police']);
  });

  it('does not take the reporting force for the impersonated one', () => {
    expect(findImpersonated('Fraudsters posing as police officers, Hertfordshire Constabulary has warned.')).toEqual(['police']);
    expect(findImpersonated('Fraudsters claiming to be from Kent Police have conned a man.')).toEqual(['Kent Police']);
  });

  it('finds banks and other officials', () => {
    expect(findImpersonated('A caller posing as bank staff said her account was at risk.')).toEqual(['bank']);
    expect(findImpersonated('A man pretending to be from Barclays called.')).toEqual(['Barclays']);
    expect(findImpersonated('Callers pretending to be from HMRC demanded payment.')).toEqual(['HMRC']);
  });

  it('ignores advice about who might call', () => {
    expect(findImpersonated('Be wary of anyone claiming to be a police officer or bank official.')).toEqual([]);
  });
});
