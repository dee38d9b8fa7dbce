import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../../src/core/geo/distance.ts';

const charingCross = { lat: 51.5074, lng: -0.1278 };
const colchester = { lat: 51.8892, lng: 0.9042 };
const newcastle = { lat: 54.9783, lng: -1.6178 };
const edinburgh = { lat: 55.9533, lng: -3.1883 };

describe('distance', () => {
  it('puts London about 80 km from Colchester', () => {
    expect(distanceKm(charingCross, colchester)).toBeGreaterThan(78);
    expect(distanceKm(charingCross, colchester)).toBeLessThan(83);
  });

  it('puts Newcastle about 150 km from Edinburgh and about 400 km from London', () => {
    expect(distanceKm(newcastle, edinburgh)).toBeGreaterThan(145);
    expect(distanceKm(newcastle, edinburgh)).toBeLessThan(155);
    expect(distanceKm(charingCross, newcastle)).toBeGreaterThan(390);
    expect(distanceKm(charingCross, newcastle)).toBeLessThan(405);
  });

  it('is zero for the same point and symmetric', () => {
    expect(distanceKm(colchester, colchester)).toBe(0);
    expect(distanceKm(colchester, newcastle)).toBeCloseTo(distanceKm(newcastle, colchester), 9);
  });
});
