export const VIEWS_DATA_SOURCE = Symbol('VIEWS_DATA_SOURCE');
export const VIEWS_OPTIONS = Symbol('VIEWS_OPTIONS');

export interface ViewsOptions {
  consistencyWaitMs: number;
}
