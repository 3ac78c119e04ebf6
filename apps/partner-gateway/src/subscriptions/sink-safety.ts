import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may go. A sink is `https`, unless its host is on the allow-list (loopback in development
 * and tests), and its host resolves only to public addresses: private, loopback, link-local, shared and
 * other special ranges are refused after DNS resolution (and again when each delivery connects).
 */
export interface SinkPolicy {
  /** Host names or addresses that may use `http` and resolve anywhere (SINK_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
}

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** Whether an address is a public unicast one (IPv4-mapped IPv6 addresses are judged as IPv4). */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

export function isAllowedHost(policy: SinkPolicy, host: string): boolean {
  return policy.allowedHosts.includes(host.toLowerCase());
}

/** Why a sink is refused (the problem's detail), or undefined when it may be used. Resolves its host. */
export async function sinkRefusal(policy: SinkPolicy, sink: string): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(sink);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  const host = hostOf(url);
  const allowed = isAllowedHost(policy, host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed)) return 'must be an https URL';
  if (allowed) return undefined;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return `its host ${host} does not resolve`;
  }
  const refused = addresses.find((address) => !isPublicAddress(address));
  return refused ? `its host ${host} resolves to ${refused}, a private, loopback or link-local address` : undefined;
}
