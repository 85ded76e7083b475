import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { sharedDataDir } from '../../../../src/ingestion/reference/shared-data';

describe('sharedDataDir', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-shared-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds shared/data beside the project, or beside a folder further up', () => {
    fs.mkdirSync(path.join(tmp, 'shared', 'data', 'nrm'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'project'));
    fs.mkdirSync(path.join(tmp, 'trees', 'branch'), { recursive: true });
    expect(sharedDataDir(path.join(tmp, 'project'), null)).toBe(path.join(tmp, 'shared', 'data'));
    expect(sharedDataDir(path.join(tmp, 'trees', 'branch'), null)).toBe(path.join(tmp, 'shared', 'data'));
  });

  it('fails naming the places it looked when there is none', () => {
    fs.mkdirSync(path.join(tmp, 'project'));
    expect(() => sharedDataDir(path.join(tmp, 'project'), null)).toThrow(new RegExp(`shared source data folder is missing.*${path.join(tmp, 'shared', 'data')}`));
  });

  it('takes the folder MSHT_SHARED_DATA names, for a clone with no shared/data above it', () => {
    fs.mkdirSync(path.join(tmp, 'project'));
    expect(sharedDataDir(path.join(tmp, 'project'), path.join(tmp, 'elsewhere', 'data'))).toBe(path.join(tmp, 'elsewhere', 'data'));
  });
});
