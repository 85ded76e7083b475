import type { Prng } from './prng';

/**
 * Common given names and family names by language area, for made-up people. They are ordinary
 * names, so any resemblance to a real person is the coincidence of a common name.
 */
interface NameList {
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
  /** Vietnamese order: family name, middle name, given name. */
  order?: 'family-first';
}

const LISTS: Readonly<Record<string, NameList>> = {
  british: {
    male: ['James', 'Jack', 'Oliver', 'Harry', 'Charlie', 'Thomas', 'George', 'Jordan', 'Kyle', 'Connor', 'Reece', 'Liam', 'Callum', 'Tyler', 'Jamal', 'Dylan', 'Kai', 'Mason', 'Ryan', 'Leon'],
    female: ['Emily', 'Chloe', 'Jessica', 'Sophie', 'Megan', 'Olivia', 'Amelia', 'Lauren', 'Holly', 'Paige', 'Jade', 'Courtney', 'Shannon', 'Keira', 'Demi', 'Aaliyah', 'Leah', 'Amy'],
    family: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Campbell', 'Francis', 'Osei', 'Ahmed', 'Khan'],
  },
  romanian: {
    male: ['Andrei', 'Alexandru', 'Ionuț', 'Mihai', 'Florin', 'Marius', 'Gabriel', 'Adrian', 'Cristian', 'Ștefan', 'Bogdan', 'Daniel', 'Constantin', 'Vasile', 'Nicolae'],
    female: ['Elena', 'Ioana', 'Andreea', 'Maria', 'Alexandra', 'Mihaela', 'Cristina', 'Georgiana', 'Roxana', 'Denisa', 'Bianca', 'Larisa', 'Florentina', 'Alina'],
    family: ['Popescu', 'Ionescu', 'Popa', 'Stan', 'Dumitru', 'Stoica', 'Gheorghe', 'Rusu', 'Munteanu', 'Matei', 'Constantin', 'Dinu', 'Lazăr', 'Marin', 'Tudor', 'Barbu', 'Radu', 'Moldovan'],
  },
  vietnamese: {
    male: ['Minh', 'Hùng', 'Dũng', 'Tuấn', 'Long', 'Nam', 'Quang', 'Sơn', 'Thắng', 'Việt', 'Hoàng', 'Đức', 'Phong', 'Khoa', 'Huy'],
    female: ['Linh', 'Hương', 'Lan', 'Mai', 'Thảo', 'Hoa', 'Trang', 'Ngọc', 'Hạnh', 'Phương', 'Vy', 'Yến', 'Nhung'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'],
    order: 'family-first',
  },
  albanian: {
    male: ['Arben', 'Ardit', 'Besnik', 'Dritan', 'Elvis', 'Ermal', 'Florian', 'Gentian', 'Klodian', 'Kristi', 'Marsel', 'Olsi', 'Redon', 'Sokol', 'Xhuljan', 'Erion'],
    female: ['Anisa', 'Besa', 'Blerta', 'Elira', 'Enkeleda', 'Ilda', 'Klea', 'Mirela', 'Rea', 'Sara', 'Xhensila', 'Jonida'],
    family: ['Hoxha', 'Shehu', 'Leka', 'Gjoka', 'Krasniqi', 'Berisha', 'Dervishi', 'Çela', 'Kola', 'Marku', 'Prifti', 'Tafa', 'Basha', 'Duka', 'Mema'],
  },
  arabic: {
    male: ['Mohamed', 'Ahmed', 'Ali', 'Omar', 'Yousif', 'Abdalla', 'Ibrahim', 'Hassan', 'Khalid', 'Mustafa', 'Adam', 'Osman', 'Hamza', 'Tariq', 'Karim'],
    female: ['Fatima', 'Amina', 'Mariam', 'Aisha', 'Huda', 'Nour', 'Salma', 'Zainab', 'Hawa', 'Layla', 'Rania'],
    family: ['Abdalla', 'Mohamed', 'Ahmed', 'Hassan', 'Ibrahim', 'Osman', 'Suleiman', 'Ali', 'Yousif', 'Hamid', 'Adam', 'Idris', 'Salih', 'Khalil', 'Nasser'],
  },
  horn: {
    male: ['Yonas', 'Dawit', 'Tesfay', 'Biniam', 'Filmon', 'Samuel', 'Merhawi', 'Abel', 'Natnael', 'Yohannes', 'Abdirahman', 'Mahad', 'Abdi'],
    female: ['Helen', 'Selam', 'Rahel', 'Senait', 'Meron', 'Hiwet', 'Saba', 'Filmona', 'Hodan', 'Sahra', 'Ayaan'],
    family: ['Tesfaye', 'Gebremedhin', 'Haile', 'Kidane', 'Tekle', 'Berhane', 'Ghebre', 'Mengistu', 'Ali', 'Warsame', 'Farah', 'Hussein', 'Abdi'],
  },
  persian: {
    male: ['Reza', 'Ali', 'Mohammad', 'Hossein', 'Amir', 'Karwan', 'Rebin', 'Hawre', 'Ahmad', 'Mahmood', 'Hamid', 'Farid', 'Zabihullah', 'Ahmad Shah'],
    female: ['Maryam', 'Zahra', 'Shirin', 'Parisa', 'Fereshteh', 'Nazanin', 'Roya', 'Laila', 'Shabnam'],
    family: ['Ahmadi', 'Mohammadi', 'Hosseini', 'Rahimi', 'Karimi', 'Sultani', 'Hussaini', 'Rasouli', 'Azizi', 'Amiri', 'Rashid', 'Kurdi', 'Salih'],
  },
  south_asian: {
    male: ['Mohammed', 'Imran', 'Rahul', 'Amit', 'Harpreet', 'Gurpreet', 'Asif', 'Bilal', 'Sanjay', 'Rakesh', 'Arjun', 'Tariq', 'Faisal', 'Rajesh', 'Suresh'],
    female: ['Priya', 'Ayesha', 'Sana', 'Nusrat', 'Pooja', 'Anjali', 'Fatima', 'Shazia', 'Kiran', 'Sunita', 'Rukhsana'],
    family: ['Khan', 'Hussain', 'Patel', 'Singh', 'Sharma', 'Ahmed', 'Iqbal', 'Begum', 'Kumar', 'Chaudhry', 'Malik', 'Rahman', 'Islam', 'Gill', 'Das'],
  },
  chinese: {
    male: ['Wei', 'Jun', 'Hao', 'Lei', 'Jian', 'Ming', 'Qiang', 'Yong', 'Chen', 'Tao'],
    female: ['Li', 'Ying', 'Mei', 'Xiu', 'Fang', 'Jing', 'Lan', 'Hui', 'Yan'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Lin', 'Zheng'],
  },
  west_african: {
    male: ['Chinedu', 'Emeka', 'Oluwaseun', 'Kwame', 'Kofi', 'Ibrahim', 'Samuel', 'Yaw', 'Tunde', 'Ifeanyi', 'Mamadou', 'Moussa'],
    female: ['Blessing', 'Precious', 'Chioma', 'Ngozi', 'Abena', 'Ama', 'Grace', 'Joy', 'Aminata', 'Fatou', 'Esther'],
    family: ['Okafor', 'Adeyemi', 'Okonkwo', 'Mensah', 'Boateng', 'Eze', 'Bello', 'Ogunleye', 'Diallo', 'Kamara', 'Sesay', 'Owusu'],
  },
  slavic: {
    male: ['Piotr', 'Tomasz', 'Marek', 'Jakub', 'Mantas', 'Tomas', 'Andriy', 'Oleksandr', 'Dmitri', 'Ivan', 'Georgi', 'Martin', 'Pavel'],
    female: ['Anna', 'Katarzyna', 'Agnieszka', 'Ieva', 'Olena', 'Natalia', 'Irina', 'Svetlana', 'Daniela', 'Maria', 'Yulia'],
    family: ['Kowalski', 'Nowak', 'Wiśniewski', 'Kazlauskas', 'Petrauskas', 'Shevchenko', 'Kovalenko', 'Ivanov', 'Petrov', 'Georgiev', 'Horvath', 'Novák'],
  },
  latin: {
    male: ['Carlos', 'José', 'Luis', 'João', 'Pedro', 'Diego', 'Rafael', 'Lucas', 'Mateus'],
    female: ['Ana', 'Maria', 'Gabriela', 'Fernanda', 'Camila', 'Juliana', 'Beatriz'],
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Rodrigues', 'Gomes', 'Costa', 'Fernandes'],
  },
  southeast_asian: {
    male: ['Somchai', 'Anan', 'Juan', 'Jose', 'Mark', 'Rizal', 'Budi', 'Agus'],
    female: ['Siriporn', 'Malee', 'Maricel', 'Jocelyn', 'Rosalie', 'Dewi', 'Sri', 'Lestari'],
    family: ['Srisai', 'Wongsakul', 'Santos', 'Reyes', 'Cruz', 'Bautista', 'Santoso', 'Wijaya', 'Hidayat'],
  },
};

const LIST_OF: Readonly<Record<string, keyof typeof LISTS>> = {
  GB: 'british', IE: 'british', JM: 'british', US: 'british',
  RO: 'romanian', MD: 'romanian',
  VN: 'vietnamese',
  AL: 'albanian', XK: 'albanian', MK: 'albanian',
  SD: 'arabic', SS: 'arabic', EG: 'arabic', LY: 'arabic', SY: 'arabic', IQ: 'arabic', YE: 'arabic', MA: 'arabic', DZ: 'arabic', TN: 'arabic', KW: 'arabic', PS: 'arabic', TD: 'arabic',
  ER: 'horn', ET: 'horn', SO: 'horn',
  IR: 'persian', AF: 'persian',
  IN: 'south_asian', PK: 'south_asian', BD: 'south_asian', LK: 'south_asian', NP: 'south_asian',
  CN: 'chinese', HK: 'chinese', TW: 'chinese',
  NG: 'west_african', GH: 'west_african', SL: 'west_african', GM: 'west_african', CI: 'west_african', SN: 'west_african', GN: 'west_african', LR: 'west_african', CM: 'west_african', UG: 'west_african', KE: 'west_african', ZW: 'west_african', CD: 'west_african', AO: 'west_african',
  PL: 'slavic', LT: 'slavic', LV: 'slavic', UA: 'slavic', RU: 'slavic', BY: 'slavic', BG: 'slavic', SK: 'slavic', CZ: 'slavic', HU: 'slavic', HR: 'slavic', RS: 'slavic',
  BR: 'latin', PT: 'latin', ES: 'latin', CO: 'latin', VE: 'latin', MX: 'latin',
  TH: 'southeast_asian', PH: 'southeast_asian', MY: 'southeast_asian', ID: 'southeast_asian', MM: 'southeast_asian', KH: 'southeast_asian',
};

/** The language area of a nationality (a rough neighbourhood: Horn of Africa, south Asia...). */
export function nameArea(nationality: string | null): string {
  return LIST_OF[nationality ?? 'GB'] ?? 'arabic';
}

export interface MadeUpName {
  full: string;
  given: string;
  family: string;
}

/** A plausible full name for a person of this nationality (or a British one when unknown). */
export function makeName(rng: Prng, nationality: string | null, gender: 'FEMALE' | 'MALE' | string): MadeUpName {
  const list = LISTS[LIST_OF[nationality ?? 'GB'] ?? 'arabic']!;
  const given = rng.pick(gender === 'FEMALE' ? list.female : list.male);
  const family = rng.pick(list.family);
  if (list.order === 'family-first') {
    const middle = gender === 'FEMALE' ? 'Thị' : rng.pick(['Văn', 'Đức', 'Minh', 'Quốc']);
    return { full: `${family} ${middle} ${given}`, given, family };
  }
  return { full: `${given} ${family}`, given, family };
}

/** Letters without diacritics, for emails and handles. */
export function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9 ._-]/g, '');
}

/**
 * The same person written another way, as a second agency might record them: diacritics dropped,
 * the order of the names swapped, a middle name left out, or one letter mistyped.
 */
export function nameVariant(rng: Prng, full: string): string {
  const parts = full.split(' ');
  const choice = rng.int(0, 3);
  if (choice === 0 && ascii(full) !== full) return ascii(full);
  if (choice === 1 && parts.length >= 2) return [parts[parts.length - 1], ...parts.slice(0, -1)].join(' ');
  if (choice === 2 && parts.length >= 3) return [parts[0], parts[parts.length - 1]].join(' ');
  const word = rng.int(0, parts.length - 1);
  const w = parts[word]!;
  if (w.length < 4) return ascii(full).toUpperCase();
  const i = rng.int(1, w.length - 2);
  parts[word] = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  return parts.join(' ');
}
