import kafkajs, { type Admin, type AclEntry } from 'kafkajs';

// kafkajs is CommonJS: its enums come through the default export.
const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;
type AclOperationTypes = kafkajs.AclOperationTypes;
type AclResourceTypes = kafkajs.AclResourceTypes;
type ResourcePatternTypes = kafkajs.ResourcePatternTypes;

/** What one principal may do on the broker: READ and DESCRIBE on these topics, READ on groups starting with the prefix. */
export interface ReadOnlyGrant {
  principal: string;
  topics: readonly string[];
  groupPrefix: string;
}

const allow = (
  principal: string,
  resourceType: AclResourceTypes,
  resourceName: string,
  patternType: ResourcePatternTypes,
  operation: AclOperationTypes,
): AclEntry => ({
  resourceType,
  resourceName,
  resourcePatternType: patternType,
  principal: `User:${principal}`,
  host: '*',
  operation,
  permissionType: AclPermissionTypes.ALLOW,
});

function wanted(grant: ReadOnlyGrant): AclEntry[] {
  return [
    ...grant.topics.flatMap((topic) => [
      allow(grant.principal, AclResourceTypes.TOPIC, topic, ResourcePatternTypes.LITERAL, AclOperationTypes.READ),
      allow(grant.principal, AclResourceTypes.TOPIC, topic, ResourcePatternTypes.LITERAL, AclOperationTypes.DESCRIBE),
    ]),
    allow(grant.principal, AclResourceTypes.GROUP, grant.groupPrefix, ResourcePatternTypes.PREFIXED, AclOperationTypes.READ),
  ];
}

const aclKey = (acl: AclEntry) =>
  [acl.resourceType, acl.resourceName, acl.resourcePatternType, acl.principal, acl.host, acl.operation, acl.permissionType].join('|');

/** Every ACL naming the principal, whatever the resource. */
async function aclsOf(admin: Admin, principal: string): Promise<AclEntry[]> {
  const described = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    principal: `User:${principal}`,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  return described.resources.flatMap((resource) =>
    resource.acls.map((acl) => ({
      resourceType: resource.resourceType,
      resourceName: resource.resourceName,
      resourcePatternType: resource.resourcePatternType,
      principal: acl.principal,
      host: acl.host,
      operation: acl.operation,
      permissionType: acl.permissionType,
    })),
  );
}

/**
 * Makes the principal's ACLs exactly the grant: adds what is missing first, then removes the rest (a consumer
 * of a topic it keeps is never without its ACL in between). Applies to new requests at once.
 */
export async function syncReadOnlyGrant(admin: Admin, grant: ReadOnlyGrant): Promise<void> {
  const target = wanted(grant);
  const existing = await aclsOf(admin, grant.principal);
  const have = new Set(existing.map(aclKey));
  const keep = new Set(target.map(aclKey));
  const missing = target.filter((acl) => !have.has(aclKey(acl)));
  if (missing.length > 0) await admin.createAcls({ acl: missing });
  const extra = existing.filter((acl) => !keep.has(aclKey(acl)));
  if (extra.length > 0) await admin.deleteAcls({ filters: extra });
}

/** Removes every ACL of the principal. */
export async function revokeGrant(admin: Admin, principal: string): Promise<void> {
  const existing = await aclsOf(admin, principal);
  if (existing.length > 0) await admin.deleteAcls({ filters: existing });
}
