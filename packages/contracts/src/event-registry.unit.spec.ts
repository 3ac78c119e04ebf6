import { z } from 'zod';
import { createEventRegistry, defineContract, EventRegistryError, UnknownEventTypeError, type EventContract } from './event-registry.js';
import type { PortfolioEvent } from './portfolio-event.js';

// A test-only event with three versions, so the upcasting chain runs without a fake production event.
const widgetPaintedV1 = z.object({ widgetId: z.string(), colour: z.string() }).loose();
type WidgetPaintedDataV1 = z.infer<typeof widgetPaintedV1>;
const widgetPaintedV2 = z.object({ widgetId: z.string(), colours: z.array(z.string()) }).loose();
type WidgetPaintedDataV2 = z.infer<typeof widgetPaintedV2>;
const widgetPaintedV3 = z.object({ widgetId: z.string(), colours: z.array(z.object({ name: z.string() }).loose()) }).loose();
type WidgetPaintedDataV3 = z.infer<typeof widgetPaintedV3>;

const line = { type: 'WidgetPainted', aggregate: 'widget', event: 'painted', partnerFacing: false, description: 'test only' } as const;
const v1 = defineContract({ ...line, schemaVersion: 1, schema: widgetPaintedV1 });
const v2 = defineContract({
  ...line,
  schemaVersion: 2,
  schema: widgetPaintedV2,
  upcastFromPrevious: ({ colour, ...rest }: WidgetPaintedDataV1): WidgetPaintedDataV2 => ({ ...rest, colours: [colour] }),
});
const v3 = defineContract({
  ...line,
  schemaVersion: 3,
  schema: widgetPaintedV3,
  upcastFromPrevious: (previous: WidgetPaintedDataV2): WidgetPaintedDataV3 => ({ ...previous, colours: previous.colours.map((name) => ({ name })) }),
});
const other = defineContract({
  type: 'WidgetScrapped',
  aggregate: 'widget',
  event: 'scrapped',
  schemaVersion: 1,
  schema: z.object({}).loose(),
  partnerFacing: false,
  description: 'test only',
});

const registry = createEventRegistry([v3, v1, other, v2]);

const painted = (schemaVersion: number, data: Record<string, unknown>): PortfolioEvent => ({
  eventId: 'e-1',
  type: 'WidgetPainted',
  schemaVersion,
  streamId: 'widget-1',
  streamVersion: 4,
  subject: 'W-1',
  cluster: 'transport',
  time: '2026-11-26T10:00:00.000Z',
  data,
  correlationId: 'c-1',
});

describe('the event registry', () => {
  it('names each version ecab.<aggregate>.<event>.v<N> and finds it both ways', () => {
    expect(v2.ceType).toBe('ecab.widget.painted.v2');
    expect(registry.forCeType('ecab.widget.painted.v2')).toBe(v2);
    expect(registry.forStoredType('WidgetPainted', 2)).toBe(v2);
    expect(registry.latest('WidgetPainted')).toBe(v3);
    expect(() => registry.forCeType('ecab.widget.painted.v4')).toThrow(UnknownEventTypeError);
  });

  it('brings a v1 event through every upcaster to the newest version, keeping its metadata and unknown properties', () => {
    const upcasted = registry.upcast(painted(1, { widgetId: 'W-1', colour: 'red', note: 'from a newer writer' }));
    expect(upcasted).toEqual({ ...painted(3, {}), data: { widgetId: 'W-1', colours: [{ name: 'red' }], note: 'from a newer writer' } });
    expect(widgetPaintedV3.safeParse(upcasted.data).success).toBe(true);
  });

  it('starts the chain at the version the event has', () => {
    expect(registry.upcast(painted(2, { widgetId: 'W-1', colours: ['red', 'blue'] })).data).toEqual({
      widgetId: 'W-1',
      colours: [{ name: 'red' }, { name: 'blue' }],
    });
  });

  it('hands an event already at the newest version back untouched', () => {
    const newest = painted(3, { widgetId: 'W-1', colours: [] });
    expect(registry.upcast(newest)).toBe(newest);
    const single = { ...newest, type: 'WidgetScrapped', schemaVersion: 1 };
    expect(registry.upcast(single)).toBe(single);
  });

  it('rejects an event of a type or version it does not know', () => {
    expect(() => registry.upcast(painted(4, {}))).toThrow(UnknownEventTypeError);
    expect(() => registry.upcast({ ...painted(1, {}), type: 'WidgetMelted' })).toThrow(UnknownEventTypeError);
  });

  it.each<[string, EventContract[], RegExp]>([
    ['a gap between versions', [v1, v3], /v2 is missing/],
    ['a chain that does not start at v1', [v2], /v1 is missing/],
    ['a later version without an upcaster', [v1, { ...v2, upcastFromPrevious: undefined }], /needs an upcaster from v1/],
    ['an upcaster on v1', [{ ...v1, upcastFromPrevious: (data) => data }], /v1 cannot have an upcaster/],
    ['the same version twice', [v1, v1], /registered twice/],
    ['a version renamed', [v1, { ...v2, event: 'coloured', ceType: 'ecab.widget.coloured.v2' }], /keep the CloudEvents name ecab.widget.painted/],
    ['a name that is not kebab-case', [defineContract({ ...line, event: 'Painted', schemaVersion: 1, schema: widgetPaintedV1 })], /kebab-case/],
  ])('refuses a registry with %s', (_case, contracts, message) => {
    expect(() => createEventRegistry(contracts)).toThrow(EventRegistryError);
    expect(() => createEventRegistry(contracts)).toThrow(message);
  });
});
