import { EVENT_CONTRACTS, latestContract } from '@ecab/contracts';
import { authorization, postJson, type JsonResponse } from './platform-process.js';

/** Every partner-facing event type, newest versions, from the contracts: what a partner granted everything gets. */
export const PARTNER_TYPES = EVENT_CONTRACTS.filter((c) => c.partnerFacing && latestContract(c.type) === c).map((c) => c.ceType);

/** What the gateway grants a partner. */
export interface Entitlements {
  clusters: readonly string[];
  countries: readonly string[];
  eventTypes: readonly string[];
  audiences: readonly string[];
}

/** An event a spec's command recorded: its subject and what a partner would see of it. */
export interface SentEvent {
  subject: string;
  ceType: string;
  partnerFacing: boolean;
}

/**
 * Sends a command to portfolio-api as the run's admin and answers the events it recorded, each with its subject (the
 * project id of the path, else the answer's) and its contract's type; anything but 200 or 201 fails the spec.
 */
export async function sendCommand(apiUrl: string, path: string, body: unknown, method: 'POST' | 'PUT' = 'POST'): Promise<SentEvent[]> {
  const response = await fetch(`${apiUrl}/api/v1/${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...authorization() },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { events?: string[]; projectId?: string };
  if (response.status !== 200 && response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return (answer.events ?? []).map((type) => {
    const contract = latestContract(type);
    return { subject: path.split('/')[1] ?? String(answer.projectId), ceType: contract.ceType, partnerFacing: contract.partnerFacing };
  });
}

/** Registers a partner through the gateway's admin API; `settings` adds the rest of its body (`illustrative`…). */
export function createPartner(
  gatewayUrl: string,
  partner: { organisationId: string; name: string; entitlements: Entitlements },
  settings: Record<string, unknown> = {},
): Promise<JsonResponse> {
  return postJson(`${gatewayUrl}/api/v1/admin/partners`, { ...partner, ...settings });
}

/** A new API key of the partner, made by the admin (the only time the key is shown). */
export async function issueKey(gatewayUrl: string, organisationId: string, body: Record<string, unknown> = {}): Promise<string> {
  return String((await postJson(`${gatewayUrl}/api/v1/admin/partners/${organisationId}/keys`, body)).body.key);
}

/** The headers a partner's requests carry. */
export const asPartner = (key: string) => ({ authorization: `Bearer ${key}` });

/** A webhook subscription of the partner to `sink` (the answer carries its id and signing secret). */
export function subscribe(gatewayUrl: string, key: string, sink: string): Promise<JsonResponse> {
  return postJson(`${gatewayUrl}/api/v1/subscriptions`, { sink, protocol: 'HTTP' }, asPartner(key));
}

/** A spec's way of sending one command: the path under /api/v1, the body, PUT where the route wants it. */
export type Command = (path: string, body: unknown, method?: 'PUT') => Promise<void>;

/** A project a partner spec records, with its cluster and recipient countries (what entitlements are judged on). */
export interface PartnerSpecProject {
  id: string;
  cluster: string;
  countries: readonly { code: string; percentage: number }[];
}

/**
 * The history every partner spec records per project: registered, titled in English and Russian (internal), its
 * planned start from an illustrative source (what `illustrative: withhold` drops), and active since then.
 */
export async function recordProjectHistory(command: Command, project: PartnerSpecProject): Promise<void> {
  await command('projects', { id: project.id, title: `Project ${project.id}`, cluster: project.cluster, countries: project.countries });
  await command(`projects/${project.id}/titles`, { titles: { en: `Project ${project.id}`, ru: `Проект ${project.id}` } }, 'PUT');
  await command(`projects/${project.id}/dates`, { dateType: '2', date: '2025-03-01', source: { citation: 'seed estimate', confidence: 'illustrative' } });
  await command(`projects/${project.id}/status`, { status: '2', effectiveDate: '2025-03-01' });
}
