import type { PoliceForceCode } from '../../domain/reference/police-forces';

/**
 * Real towns in each police force area, with their postcode area and a point near the centre,
 * for the synthetic world's addresses. Streets and house numbers are made up; postcodes have the
 * real area letters and a made-up district and unit, so they look right and point nowhere.
 */
export interface GazetteerTown {
  name: string;
  /** Postcode area letters (LS, B, M...). */
  postcode: string;
  lat: number;
  lon: number;
}

const t = (name: string, postcode: string, lat: number, lon: number): GazetteerTown => ({ name, postcode, lat, lon });

export const TOWNS_BY_FORCE: Readonly<Record<PoliceForceCode, readonly GazetteerTown[]>> = {
  CLEV: [t('Middlesbrough', 'TS', 54.574, -1.235), t('Hartlepool', 'TS', 54.691, -1.212), t('Stockton-on-Tees', 'TS', 54.57, -1.319)],
  DURHAM: [t('Durham', 'DH', 54.776, -1.575), t('Darlington', 'DL', 54.523, -1.559), t('Consett', 'DH', 54.854, -1.831)],
  NORTHUMB: [t('Newcastle upon Tyne', 'NE', 54.978, -1.617), t('Sunderland', 'SR', 54.906, -1.383), t('Gateshead', 'NE', 54.952, -1.603)],
  CHES: [t('Chester', 'CH', 53.193, -2.893), t('Crewe', 'CW', 53.099, -2.44), t('Warrington', 'WA', 53.39, -2.597)],
  CUMB: [t('Carlisle', 'CA', 54.892, -2.932), t('Barrow-in-Furness', 'LA', 54.111, -3.227), t('Kendal', 'LA', 54.328, -2.746)],
  GMP: [t('Manchester', 'M', 53.48, -2.242), t('Oldham', 'OL', 53.541, -2.118), t('Bolton', 'BL', 53.578, -2.429), t('Rochdale', 'OL', 53.615, -2.155)],
  LANCS: [t('Preston', 'PR', 53.763, -2.703), t('Blackpool', 'FY', 53.817, -3.036), t('Blackburn', 'BB', 53.748, -2.482)],
  MERSEY: [t('Liverpool', 'L', 53.408, -2.991), t('Birkenhead', 'CH', 53.393, -3.014), t('St Helens', 'WA', 53.454, -2.737)],
  NWP: [t('Wrexham', 'LL', 53.046, -2.993), t('Bangor', 'LL', 53.227, -4.129), t('Rhyl', 'LL', 53.319, -3.491)],
  HUMBS: [t('Hull', 'HU', 53.745, -0.336), t('Grimsby', 'DN', 53.567, -0.08), t('Scunthorpe', 'DN', 53.588, -0.654)],
  NYP: [t('York', 'YO', 53.96, -1.082), t('Scarborough', 'YO', 54.283, -0.399), t('Harrogate', 'HG', 53.992, -1.541)],
  SYP: [t('Sheffield', 'S', 53.381, -1.47), t('Doncaster', 'DN', 53.523, -1.128), t('Rotherham', 'S', 53.43, -1.357), t('Barnsley', 'S', 53.553, -1.479)],
  WYP: [t('Leeds', 'LS', 53.801, -1.549), t('Bradford', 'BD', 53.796, -1.759), t('Huddersfield', 'HD', 53.645, -1.785), t('Wakefield', 'WF', 53.683, -1.499)],
  DERBYS: [t('Derby', 'DE', 52.922, -1.476), t('Chesterfield', 'S', 53.235, -1.421), t('Glossop', 'SK', 53.443, -1.949)],
  LEICS: [t('Leicester', 'LE', 52.637, -1.135), t('Loughborough', 'LE', 52.772, -1.206), t('Hinckley', 'LE', 52.541, -1.374)],
  LINCS: [t('Lincoln', 'LN', 53.23, -0.54), t('Boston', 'PE', 52.978, -0.026), t('Spalding', 'PE', 52.788, -0.153), t('Grantham', 'NG', 52.912, -0.642)],
  NORTHANTS: [t('Northampton', 'NN', 52.237, -0.894), t('Corby', 'NN', 52.488, -0.703), t('Kettering', 'NN', 52.398, -0.727)],
  NOTTS: [t('Nottingham', 'NG', 52.954, -1.158), t('Mansfield', 'NG', 53.144, -1.199), t('Worksop', 'S', 53.302, -1.124)],
  STAFFS: [t('Stoke-on-Trent', 'ST', 53.003, -2.18), t('Stafford', 'ST', 52.806, -2.117), t('Tamworth', 'B', 52.633, -1.691)],
  WARKS: [t('Nuneaton', 'CV', 52.523, -1.468), t('Rugby', 'CV', 52.371, -1.261), t('Leamington Spa', 'CV', 52.292, -1.536)],
  WMERC: [t('Worcester', 'WR', 52.192, -2.22), t('Telford', 'TF', 52.678, -2.446), t('Shrewsbury', 'SY', 52.707, -2.754), t('Hereford', 'HR', 52.056, -2.716)],
  WMP: [t('Birmingham', 'B', 52.486, -1.89), t('Coventry', 'CV', 52.407, -1.511), t('Wolverhampton', 'WV', 52.587, -2.129), t('Walsall', 'WS', 52.586, -1.982)],
  BEDS: [t('Luton', 'LU', 51.879, -0.417), t('Bedford', 'MK', 52.136, -0.467), t('Dunstable', 'LU', 51.886, -0.52)],
  CAMBS: [t('Peterborough', 'PE', 52.573, -0.241), t('Cambridge', 'CB', 52.205, 0.119), t('Wisbech', 'PE', 52.664, 0.16)],
  ESSEX: [t('Chelmsford', 'CM', 51.736, 0.479), t('Southend-on-Sea', 'SS', 51.546, 0.707), t('Colchester', 'CO', 51.889, 0.904), t('Basildon', 'SS', 51.576, 0.488)],
  HERTS: [t('Watford', 'WD', 51.657, -0.396), t('Stevenage', 'SG', 51.903, -0.196), t('St Albans', 'AL', 51.752, -0.336)],
  KENT: [t('Maidstone', 'ME', 51.272, 0.529), t('Dover', 'CT', 51.128, 1.313), t('Folkestone', 'CT', 51.081, 1.166), t('Medway', 'ME', 51.39, 0.546)],
  NORF: [t("King's Lynn", 'PE', 52.754, 0.398), t('Norwich', 'NR', 52.63, 1.297), t('Great Yarmouth', 'NR', 52.608, 1.729), t('Thetford', 'IP', 52.413, 0.752)],
  SUFF: [t('Ipswich', 'IP', 52.059, 1.155), t('Lowestoft', 'NR', 52.481, 1.753), t('Bury St Edmunds', 'IP', 52.247, 0.711)],
  HANTS: [t('Southampton', 'SO', 50.909, -1.404), t('Portsmouth', 'PO', 50.819, -1.088), t('Basingstoke', 'RG', 51.266, -1.092)],
  SURREY: [t('Guildford', 'GU', 51.236, -0.57), t('Woking', 'GU', 51.319, -0.558), t('Staines-upon-Thames', 'TW', 51.434, -0.511)],
  SUSSEX: [t('Brighton', 'BN', 50.822, -0.137), t('Crawley', 'RH', 51.109, -0.187), t('Hastings', 'TN', 50.854, 0.573), t('Eastbourne', 'BN', 50.768, 0.29)],
  TVP: [t('Reading', 'RG', 51.454, -0.978), t('Slough', 'SL', 51.51, -0.595), t('Oxford', 'OX', 51.752, -1.258), t('Milton Keynes', 'MK', 52.041, -0.759)],
  ASC: [t('Bristol', 'BS', 51.455, -2.588), t('Bath', 'BA', 51.381, -2.359), t('Weston-super-Mare', 'BS', 51.346, -2.977), t('Taunton', 'TA', 51.015, -3.106)],
  DCP: [t('Plymouth', 'PL', 50.376, -4.143), t('Exeter', 'EX', 50.718, -3.534), t('Torquay', 'TQ', 50.462, -3.525), t('Truro', 'TR', 50.263, -5.051)],
  DORSET: [t('Bournemouth', 'BH', 50.72, -1.88), t('Poole', 'BH', 50.715, -1.987), t('Weymouth', 'DT', 50.614, -2.457)],
  GLOS: [t('Gloucester', 'GL', 51.864, -2.244), t('Cheltenham', 'GL', 51.899, -2.078), t('Stroud', 'GL', 51.745, -2.217)],
  WILTS: [t('Swindon', 'SN', 51.558, -1.782), t('Salisbury', 'SP', 51.069, -1.795), t('Chippenham', 'SN', 51.458, -2.116)],
  MPS: [t('London', 'E', 51.515, -0.072), t('London', 'N', 51.565, -0.106), t('London', 'SE', 51.47, -0.07), t('London', 'NW', 51.55, -0.2), t('Croydon', 'CR', 51.376, -0.098), t('Ilford', 'IG', 51.559, 0.082)],
  COLP: [t('City of London', 'EC', 51.515, -0.093)],
  DPP: [t('Llanelli', 'SA', 51.681, -4.161), t('Aberystwyth', 'SY', 52.415, -4.083), t('Newtown', 'SY', 52.513, -3.313)],
  GWENT: [t('Newport', 'NP', 51.588, -2.998), t('Cwmbran', 'NP', 51.654, -3.021), t('Ebbw Vale', 'NP', 51.777, -3.206)],
  SWP: [t('Cardiff', 'CF', 51.481, -3.179), t('Swansea', 'SA', 51.621, -3.944), t('Merthyr Tydfil', 'CF', 51.748, -3.378)],
  PSCOT: [t('Glasgow', 'G', 55.864, -4.252), t('Edinburgh', 'EH', 55.953, -3.188), t('Aberdeen', 'AB', 57.149, -2.094), t('Dundee', 'DD', 56.462, -2.971)],
  PSNI: [t('Belfast', 'BT', 54.597, -5.93), t('Newry', 'BT', 54.176, -6.34), t('Derry', 'BT', 54.997, -7.309)],
  BTP: [t('Crewe', 'CW', 53.089, -2.433), t('Doncaster', 'DN', 53.522, -1.14), t('London', 'NW', 51.528, -0.134)],
};

export const STREET_NAMES = [
  'Church', 'Station', 'Victoria', 'Park', 'Mill', 'Queen', 'King', 'High', 'Albert', 'Grove', 'Chapel', 'Manor', 'New', 'Oak', 'Elm', 'Willow', 'Springfield',
  'George', 'York', 'Green', 'Moor', 'Cross', 'Brook', 'Market', 'Bridge', 'Prospect', 'Windsor', 'Stanley', 'Nelson', 'Clarence', 'Garfield', 'Beech', 'Ash',
  'Orchard', 'Canal', 'Wharf', 'Lime', 'Cedar', 'Melbourne', 'Lord', 'Regent', 'Carlton', 'Hamilton', 'Salisbury', 'Cemetery', 'Hall', 'Blenheim', 'Cambridge',
] as const;

export const STREET_KINDS = ['Street', 'Road', 'Lane', 'Avenue', 'Terrace', 'Close', 'Way', 'Crescent', 'Drive', 'Place'] as const;

/** Forces where county lines start: the big cities' drug markets. */
export const COUNTY_LINES_HUBS: readonly (readonly [PoliceForceCode, number])[] = [
  ['MPS', 45],
  ['WMP', 15],
  ['MERSEY', 15],
  ['GMP', 10],
  ['WYP', 8],
  ['SYP', 4],
  ['NOTTS', 3],
];
