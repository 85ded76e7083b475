import type { NodeLabel } from '../domain/graph-model';

/**
 * How each node label appears in i2 Analyst's Notebook: the entity type's name (what the
 * analyst reads in the legend and the palette) and its icon (`IconFile`, a name from ANB's
 * standard icon set; ANB draws its default icon for a name it does not have). Victims get a type
 * of their own, shaded, so a chart never shows a victim as just another person.
 */
export interface AnxEntityType {
  name: string;
  icon: string;
  /** IconShadingColour as a Windows COLORREF (0x00BBGGRR), when the type is shaded. */
  shading?: number;
}

export const ANX_ENTITY_TYPES: Record<NodeLabel, AnxEntityType> = {
  Person: { name: 'Person', icon: 'Person' },
  OrganisedCrimeGroup: { name: 'Organised Crime Group', icon: 'Organisation' },
  Country: { name: 'Country', icon: 'Country' },
  Region: { name: 'Region', icon: 'Region' },
  PoliceForce: { name: 'Police Force', icon: 'Police' },
  Town: { name: 'Town', icon: 'Town' },
  Address: { name: 'Address', icon: 'House' },
  Route: { name: 'Route', icon: 'Route' },
  Operation: { name: 'Operation', icon: 'Police' },
  Business: { name: 'Business', icon: 'Shop' },
  Phone: { name: 'Phone', icon: 'Phone' },
  Vehicle: { name: 'Vehicle', icon: 'Car' },
  BankAccount: { name: 'Bank Account', icon: 'Bank Account' },
  TravelDocument: { name: 'Travel Document', icon: 'Passport' },
  EmailAddress: { name: 'Email Address', icon: 'Email' },
  OnlineHandle: { name: 'Online Handle', icon: 'Internet' },
  Exploitation: { name: 'Exploitation', icon: 'Event' },
  NRMReferral: { name: 'NRM Referral', icon: 'Document' },
  Agency: { name: 'Agency', icon: 'Organisation' },
  IntelligenceReport: { name: 'Intelligence Report', icon: 'Document' },
  ExploitationType: { name: 'Exploitation Type', icon: 'Category' },
  ControlMethod: { name: 'Control Method', icon: 'Category' },
  RecruitmentMethod: { name: 'Recruitment Method', icon: 'Category' },
  NRMStatistic: { name: 'NRM Statistic', icon: 'Document' },
};

/** A Person holding the VICTIM role: the Person icon shaded orange (RGB 255,128,0). */
export const ANX_VICTIM_TYPE: AnxEntityType = { name: 'Person (victim)', icon: 'Person', shading: 0x0080ff };
