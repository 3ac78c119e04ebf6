import { Parser } from '@asyncapi/parser';
import { buildAsyncApiDocument } from './asyncapi.js';
import { EVENT_CONTRACTS } from './event-types.js';
import { ALL_TOPICS } from './topics.js';

/** The channels a partner receives by: its Kafka topics, webhooks, pull (and its stream), the snapshot. */
const PARTNER_WAYS = ['partner', 'webhooks', 'event-stream', 'snapshot'];

// Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
const ERROR = 0;

describe('the AsyncAPI document', () => {
  const document = buildAsyncApiDocument();
  const onClusterTopics = EVENT_CONTRACTS.filter((c) => c.topics === 'cluster');

  it('is valid AsyncAPI 3.0 for @asyncapi/parser', async () => {
    const diagnostics = await new Parser().validate(document);
    expect(diagnostics.filter((d) => d.severity === ERROR).map((d) => `${d.path.join('/')}: ${d.message}`)).toEqual([]);
  });

  it('has one channel per topic, with Kafka bindings', async () => {
    const { document: parsed } = await new Parser().parse(document);
    const channels = parsed!
      .channels()
      .all()
      .filter((c) => !PARTNER_WAYS.includes(c.id()));
    expect(channels.map((c) => c.address()).sort()).toEqual([...ALL_TOPICS].sort());
    for (const channel of channels) expect(channel.bindings().get('kafka')?.value()).toMatchObject({ topic: channel.address(), partitions: 6 });
  });

  it('has one message per event type and version, its payload the data schema and its key the project id', async () => {
    const { document: parsed } = await new Parser().parse(document);
    const transport = parsed!.channels().get('transport')!;
    expect(
      transport
        .messages()
        .all()
        .map((m) => m.id())
        .sort(),
    ).toEqual(onClusterTopics.map((c) => c.ceType).sort());
    const registered = transport.messages().get('ecab.project.registered.v1')!;
    expect(registered.payload()?.required()).toEqual(['projectId', 'title', 'cluster', 'countries']);
    expect(registered.bindings().get('kafka')?.value()).toMatchObject({ key: { type: 'string' } });
  });

  it('describes the CloudEvents headers, the required ones and the ECAB extensions', async () => {
    const { document: parsed } = await new Parser().parse(document);
    const headers = parsed!.components().schemas().get('CloudEventHeaders')!;
    expect(headers.required()).toEqual(['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_subject', 'ce_time', 'content-type']);
    expect(Object.keys(headers.properties() ?? {})).toEqual(
      expect.arrayContaining([
        'ce_cluster',
        'ce_streamid',
        'ce_streamversion',
        'ce_partitionkey',
        'ce_correlationid',
        'ce_causationid',
        'ce_traceparent',
        'ce_position',
      ]),
    );
  });

  it('lets partners receive every cluster topic with a consumer group of their own', async () => {
    const { document: parsed } = await new Parser().parse(document);
    const receive = parsed!.operations().get('receive-transport')!;
    expect(receive.action()).toBe('receive');
    expect(receive.bindings().get('kafka')?.value()).toHaveProperty('groupId');
    expect(
      receive
        .messages()
        .all()
        .map((m) => m.id()),
    ).toEqual(onClusterTopics.filter((c) => c.partnerFacing).map((c) => c.ceType));
  });

  it('carries programme-wide events on the programme topic only, and offers partners only the partner-facing ones', async () => {
    const { document: parsed } = await new Parser().parse(document);
    const onProgramme = EVENT_CONTRACTS.filter((c) => c.topics === 'programme');
    expect(
      parsed!
        .channels()
        .get('programme')!
        .messages()
        .all()
        .map((m) => m.id())
        .sort(),
    ).toEqual(onProgramme.map((c) => c.ceType).sort());
    const offered = parsed!
      .operations()
      .get('receive-programme')!
      .messages()
      .all()
      .map((m) => m.id());
    expect(offered).toEqual(onProgramme.filter((c) => c.partnerFacing).map((c) => c.ceType));
  });

  it('keeps internal events out of what partners receive, though they travel on the same topics', async () => {
    const { document: parsed } = await new Parser().parse(document);
    const internal = new Set(EVENT_CONTRACTS.filter((c) => !c.partnerFacing).map((c) => c.ceType));
    expect(internal.size).toBeGreaterThan(0);
    const offered = parsed!
      .operations()
      .all()
      .filter((o) => o.id() !== 'receive-dead-letters')
      .flatMap((o) =>
        o
          .messages()
          .all()
          .map((m) => m.id()),
      );
    expect(offered.filter((id) => internal.has(id))).toEqual([]);
  });

  it('gives partners their own topics on the SCRAM listener, with the latest partner-facing types only and a group prefix', async () => {
    const { document: parsed } = await new Parser().parse(document);
    const partner = parsed!.channels().get('partner')!;
    expect(partner.address()).toBe('ecab.partner.{organisationId}.{scope}.v1');
    expect(
      partner
        .servers()
        .all()
        .map((s) => s.id()),
    ).toEqual(['partners']);
    const latestPartnerFacing = EVENT_CONTRACTS.filter(
      (c) => c.partnerFacing && !EVENT_CONTRACTS.some((n) => n.type === c.type && n.schemaVersion > c.schemaVersion),
    );
    expect(
      partner
        .messages()
        .all()
        .map((m) => m.id())
        .sort(),
    ).toEqual(latestPartnerFacing.map((c) => `partner.${c.ceType}`).sort());
    expect(parsed!.servers().get('partners')!.security()[0]!.all()[0]!.scheme().type()).toBe('scramSha512');
    const groupId = parsed!.operations().get('receive-partner')!.bindings().get('kafka')?.value() as { groupId: { pattern: string } };
    expect(new RegExp(groupId.groupId.pattern).test('partner-XM-DAC-46004:analytics')).toBe(true);
    expect(new RegExp(groupId.groupId.pattern).test('analytics')).toBe(false);
  });

  it('takes the real partition count and replication factor', () => {
    const { channels } = buildAsyncApiDocument({ partitions: 12, replicas: 3 });
    expect(channels['health']).toMatchObject({ bindings: { kafka: { partitions: 12, replicas: 3 } } });
  });

  it('tells a partner how to receive by each of the three ways: webhooks, pull (with a snapshot to start from) and Kafka', async () => {
    const { document: parsed } = await new Parser().parse(document);
    const latestPartnerFacing = EVENT_CONTRACTS.filter(
      (c) => c.partnerFacing && !EVENT_CONTRACTS.some((n) => n.type === c.type && n.schemaVersion > c.schemaVersion),
    ).map((c) => c.ceType);
    const typesOf = (payload: { oneOf?: { allOf: { properties?: { type?: { const: string } } }[] }[] }) =>
      (payload.oneOf ?? []).map((p) => p.allOf[1]!.properties!.type!.const).sort();

    // Webhooks: to the partner's sink, POST, Standard Webhooks headers, any of the partner-facing types.
    const webhooks = parsed!.channels().get('webhooks')!;
    expect(
      webhooks
        .servers()
        .all()
        .map((s) => s.id()),
    ).toEqual(['sink']);
    expect(webhooks.description()).toContain('POST /api/v1/subscriptions');
    expect(webhooks.description()).toContain('recover');
    expect(webhooks.description()).toContain('replay');
    const webhook = webhooks.messages().get('webhook')!;
    expect(webhook.headers()?.required()).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    expect(typesOf(webhook.payload()!.json() as never)).toEqual([...latestPartnerFacing].sort());
    expect(parsed!.operations().get('receive-webhooks')!.bindings().get('http')?.value()).toMatchObject({ method: 'POST' });

    // Pull: on the gateway with the partner's key; a page answers `items` and `nextCursor`; the stream sends the same events.
    const gateway = parsed!.servers().get('gateway')!;
    expect([gateway.protocol(), gateway.pathname()]).toEqual(['http', '/api/v1']);
    expect(gateway.security()[0]!.all()[0]!.scheme().type()).toBe('http');
    const pull = parsed!.operations().get('pull-events')!;
    expect(
      pull
        .reply()
        ?.messages()
        .all()
        .map((m) => m.id()),
    ).toEqual(['pull-page']);
    const stream = parsed!.channels().get('event-stream')!;
    expect(stream.address()).toBe('/events/stream');
    expect(typesOf(stream.messages().get('stream-event')!.payload()!.json() as never)).toEqual([...latestPartnerFacing].sort());
    // The snapshot to start from, with the cursor to pull after.
    const snapshot = parsed!.operations().get('get-snapshot')!.reply()!.messages().all()[0]!;
    expect(snapshot.payload()?.required()).toEqual(['cursor', 'items', 'nextPage']);

    // Kafka: the partner's own topics on the SCRAM listener (checked in detail above).
    expect(
      parsed!
        .operations()
        .get('receive-partner')!
        .channels()
        .all()
        .map((c) => c.id()),
    ).toEqual(['partner']);
  });
});
