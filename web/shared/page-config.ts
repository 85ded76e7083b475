import type { WorkbenchPageConfig } from '../../src/http/workbench/page-config';

export type { WorkbenchPageConfig };

/** The configuration the server put into the page, as a JSON data block. */
export function readPageConfig(): WorkbenchPageConfig {
  const el = document.getElementById('msht-workbench-config');
  if (!el?.textContent) throw new Error('the page has no workbench configuration');
  return JSON.parse(el.textContent) as WorkbenchPageConfig;
}
