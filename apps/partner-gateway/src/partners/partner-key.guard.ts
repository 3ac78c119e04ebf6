import { ProblemError, problemType } from '@ecab/platform';
import { type CanActivate, createParamDecorator, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Partner } from './partner.js';
import { PartnerStore } from './partner-store.js';

interface PartnerRequest {
  headers: Record<string, string | string[] | undefined>;
  partner?: Partner;
}

const BEARER = /^Bearer +(\S+)$/i;

function invalidKey(detail: string): ProblemError {
  return new ProblemError({ type: problemType('invalid-api-key'), status: 401, detail }, { 'WWW-Authenticate': 'Bearer realm="ecab-partners"' });
}

/**
 * The partner routes' guard (they are @Public() for the platform's token guard): `Authorization: Bearer
 * ecabpk_…` with a current key of a partner. A revoked key fails on the next request: the key is looked up
 * every time, nothing is cached.
 */
@Injectable()
export class PartnerKeyGuard implements CanActivate {
  constructor(@Inject(PartnerStore) private readonly partners: PartnerStore) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PartnerRequest>();
    const header = request.headers.authorization;
    if (header === undefined || header === '') throw invalidKey('Send your partner API key: Authorization: Bearer ecabpk_….');
    const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
    const partner = match?.[1] ? await this.partners.authenticate(match[1]) : undefined;
    if (!partner) throw invalidKey('The API key is not a current key of a partner (unknown, malformed or revoked).');
    request.partner = partner;
    return true;
  }
}

/** The partner whose key the guard accepted. */
export const CurrentPartner = createParamDecorator((_data: unknown, context: ExecutionContext): Partner => {
  const partner = context.switchToHttp().getRequest<PartnerRequest>().partner;
  if (!partner) throw invalidKey('Send your partner API key.');
  return partner;
});
