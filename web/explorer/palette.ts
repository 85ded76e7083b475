import type { ChartNode } from './api';

/**
 * Colours by kind of node, chosen to be told apart on white and to keep dark labels readable.
 * People take their colour from their role: offenders, suspects and victims differ at a glance.
 */
export const KIND_COLOURS: Record<string, { colour: string; label: string }> = {
  offender: { colour: '#d64545', label: 'Person: offender' },
  suspect: { colour: '#f08c2e', label: 'Person: suspect' },
  victim: { colour: '#9b59b6', label: 'Person: victim' },
  person: { colour: '#7f8c8d', label: 'Person' },
  OrganisedCrimeGroup: { colour: '#8b1e3f', label: 'Organised crime group' },
  Business: { colour: '#2e86de', label: 'Business' },
  identifier: { colour: '#16a085', label: 'Identifier (phone, account, document…)' },
  place: { colour: '#6d8a3c', label: 'Place (address, town, force, country)' },
  Operation: { colour: '#1f3a5f', label: 'Operation' },
  Exploitation: { colour: '#c0392b', label: 'Exploitation' },
  Route: { colour: '#b7950b', label: 'Route' },
  NRMReferral: { colour: '#5d6d7e', label: 'NRM referral' },
  other: { colour: '#95a5a6', label: 'Other' },
};

const IDENTIFIERS = new Set(['Phone', 'BankAccount', 'TravelDocument', 'Vehicle', 'EmailAddress', 'OnlineHandle']);
const PLACES = new Set(['Address', 'Town', 'PoliceForce', 'Region', 'Country']);

export function kindOf(n: Pick<ChartNode, 'type' | 'roles'>): string {
  if (n.type === 'Person') {
    if (n.roles.includes('VICTIM')) return 'victim';
    if (n.roles.includes('OFFENDER')) return 'offender';
    if (n.roles.includes('SUSPECT')) return 'suspect';
    return 'person';
  }
  if (IDENTIFIERS.has(n.type)) return 'identifier';
  if (PLACES.has(n.type)) return 'place';
  return n.type in KIND_COLOURS ? n.type : 'other';
}

export const SHAPES: Record<string, string> = {
  Person: 'ellipse',
  OrganisedCrimeGroup: 'hexagon',
  Business: 'round-rectangle',
  Operation: 'star',
  Exploitation: 'diamond',
  Route: 'vee',
  NRMReferral: 'tag',
};

export function shapeOf(type: string): string {
  if (IDENTIFIERS.has(type)) return 'round-triangle';
  if (PLACES.has(type)) return 'round-pentagon';
  return SHAPES[type] ?? 'ellipse';
}

/** Group colours, in order of first appearance on the chart. */
export const GROUP_COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000'];
export const NO_GROUP_COLOUR = '#c8ccd0';
