import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Audience, IllustrativeSetting, NewPartner, Partner, PartnerChange } from './partner.js';

interface PartnerRow {
  organisation_id: string;
  name: string;
  clusters: string[];
  countries: string[];
  event_types: string[];
  audiences: Audience[];
  illustrative: IllustrativeSetting;
  kafka_since: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** An API key as admins see it: never its secret. */
export interface ApiKeyView {
  keyId: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** The key itself, answered once at creation: `ecabpk_<keyId>_<secret>`. */
export interface IssuedApiKey extends ApiKeyView {
  key: string;
}

export class PartnerExistsError extends Error {}

const KEY_PATTERN = /^ecabpk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

function toPartner(row: PartnerRow): Partner {
  return {
    organisationId: row.organisation_id,
    name: row.name,
    entitlements: { clusters: row.clusters, countries: row.countries, eventTypes: row.event_types, audiences: row.audiences },
    illustrative: row.illustrative,
    kafkaSince: row.kafka_since?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

/**
 * Partners and their API keys (tables gateway_partners, gateway_api_keys). A key's secret is 32 random
 * bytes, stored only as its SHA-256 (a random secret needs no slow hash); the key id in front finds the row.
 */
export class PartnerStore {
  constructor(private readonly dataSource: DataSource) {}

  async create(partner: NewPartner): Promise<Partner> {
    const { entitlements: e } = partner;
    const rows: PartnerRow[] = await this.dataSource.query(
      `insert into gateway_partners (organisation_id, name, clusters, countries, event_types, audiences, illustrative)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning *`,
      [partner.organisationId, partner.name, e.clusters, e.countries, e.eventTypes, e.audiences, partner.illustrative],
    );
    if (!rows[0]) throw new PartnerExistsError(partner.organisationId);
    return toPartner(rows[0]);
  }

  async change(organisationId: string, change: PartnerChange): Promise<Partner | undefined> {
    const { entitlements: e } = change;
    const [rows]: [PartnerRow[], number] = await this.dataSource.query(
      `update gateway_partners set name = $2, clusters = $3, countries = $4, event_types = $5, audiences = $6, illustrative = $7, updated_at = now()
        where organisation_id = $1 returning *`,
      [organisationId, change.name, e.clusters, e.countries, e.eventTypes, e.audiences, change.illustrative],
    );
    return rows[0] ? toPartner(rows[0]) : undefined;
  }

  async get(organisationId: string): Promise<Partner | undefined> {
    const rows: PartnerRow[] = await this.dataSource.query('select * from gateway_partners where organisation_id = $1', [organisationId]);
    return rows[0] ? toPartner(rows[0]) : undefined;
  }

  async list(): Promise<Partner[]> {
    const rows: PartnerRow[] = await this.dataSource.query('select * from gateway_partners order by organisation_id');
    return rows.map(toPartner);
  }

  /** Records that the partner has (a date) or no longer has (null) a Kafka credential. */
  async setKafkaSince(organisationId: string, since: 'now' | null): Promise<Partner | undefined> {
    const [rows]: [PartnerRow[], number] = await this.dataSource.query(
      `update gateway_partners set kafka_since = case when $2 then coalesce(kafka_since, now()) end, updated_at = now() where organisation_id = $1 returning *`,
      [organisationId, since === 'now'],
    );
    return rows[0] ? toPartner(rows[0]) : undefined;
  }

  async issueKey(organisationId: string, label: string | undefined): Promise<IssuedApiKey> {
    const keyId = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const [row]: { created_at: Date }[] = await this.dataSource.query(
      'insert into gateway_api_keys (key_id, organisation_id, secret_hash, label) values ($1, $2, $3, $4) returning created_at',
      [keyId, organisationId, hashSecret(secret), label ?? null],
    );
    return { keyId, label: label ?? null, createdAt: row!.created_at.toISOString(), revokedAt: null, lastUsedAt: null, key: `ecabpk_${keyId}_${secret}` };
  }

  async keys(organisationId: string): Promise<ApiKeyView[]> {
    const rows: { key_id: string; label: string | null; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }[] = await this.dataSource.query(
      'select key_id, label, created_at, revoked_at, last_used_at from gateway_api_keys where organisation_id = $1 order by created_at, key_id',
      [organisationId],
    );
    return rows.map((row) => ({
      keyId: row.key_id,
      label: row.label,
      createdAt: row.created_at.toISOString(),
      revokedAt: iso(row.revoked_at),
      lastUsedAt: iso(row.last_used_at),
    }));
  }

  /** Revokes a key of the partner; false when it has no such key. A revoked key is refused from the next request on. */
  async revokeKey(organisationId: string, keyId: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      'update gateway_api_keys set revoked_at = coalesce(revoked_at, now()) where organisation_id = $1 and key_id = $2',
      [organisationId, keyId],
    );
    return count > 0;
  }

  /** The partner a presented key belongs to, recording its use; undefined for a malformed, unknown or revoked key. */
  async authenticate(presented: string): Promise<Partner | undefined> {
    const match = KEY_PATTERN.exec(presented);
    if (!match) return undefined;
    const [, keyId, secret] = match as unknown as [string, string, string];
    const rows: { secret_hash: Buffer; organisation_id: string }[] = await this.dataSource.query(
      'select secret_hash, organisation_id from gateway_api_keys where key_id = $1 and revoked_at is null',
      [keyId],
    );
    const row = rows[0];
    if (!row || !timingSafeEqual(row.secret_hash, hashSecret(secret))) return undefined;
    await this.dataSource.query('update gateway_api_keys set last_used_at = now() where key_id = $1', [keyId]);
    return this.get(row.organisation_id);
  }
}
