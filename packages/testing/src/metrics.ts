/** One sample line of a Prometheus text page: `name{label="value",…} number` or `name number`. */
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

const unescape = (value: string) => value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

/**
 * The value of the sample of `name` whose labels include every one of `labels` (each app adds its own
 * `service` label, so tests name only what they are about), in a Prometheus text page; undefined when no
 * sample matches. Two matching samples are a test's mistake and throw.
 */
export function metricSample(page: string, name: string, labels: Readonly<Record<string, string>> = {}): number | undefined {
  const values: number[] = [];
  for (const line of page.split('\n')) {
    const sample = SAMPLE.exec(line);
    if (!sample || sample[1] !== name) continue;
    const present = new Map([...(sample[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key, unescape(value ?? '')]));
    if (Object.entries(labels).every(([key, value]) => present.get(key) === value)) values.push(Number(sample[3]));
  }
  if (values.length > 1) throw new Error(`${values.length} samples of ${name} match ${JSON.stringify(labels)}; name more labels`);
  return values[0];
}

/** Scrapes an app's /metrics and reads one sample (see metricSample). */
export async function scrapeMetric(appUrl: string, name: string, labels: Readonly<Record<string, string>> = {}): Promise<number | undefined> {
  const response = await fetch(`${appUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
  return metricSample(await response.text(), name, labels);
}
