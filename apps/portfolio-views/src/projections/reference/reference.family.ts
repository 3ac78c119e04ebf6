import { decimal, MalformedEventError, text } from '../event-data.js';
import type { ViewFamily } from '../view-family.js';

/**
 * exchange_rate: the USD value of one unit of a currency on a date, from `ExchangeRateRecorded`. A
 * correction (a second rate for the same currency and date) replaces the row; the history of rates
 * stays in the event store. Money is converted at the latest rate on or before its value date.
 */
export const referenceFamily: ViewFamily = {
  name: 'reference',
  tables: [
    {
      name: 'exchange_rate',
      key: ['currency', 'rate_date'],
      ddl: [
        `create table exchange_rate (
           currency     text not null,
           rate_date    date not null,
           usd_per_unit numeric not null check (usd_per_unit > 0),
           event_id     text not null,
           recorded_at  timestamptz not null,
           primary key (currency, rate_date)
         )`,
      ],
    },
  ],
  async apply(sql, event) {
    if (event.type !== 'ExchangeRateRecorded') return;
    const currency = text(event, 'currency');
    const rateDate = text(event, 'date');
    if (!/^[A-Z]{3}$/.test(currency)) throw new MalformedEventError(event, 'currency');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(rateDate)) throw new MalformedEventError(event, 'date');
    await sql(
      `insert into exchange_rate (currency, rate_date, usd_per_unit, event_id, recorded_at) values ($1, $2, $3, $4, $5)
       on conflict (currency, rate_date) do update set usd_per_unit = excluded.usd_per_unit, event_id = excluded.event_id, recorded_at = excluded.recorded_at`,
      [currency, rateDate, decimal(event, 'usdPerUnit'), event.eventId, event.time],
    );
  },
};
