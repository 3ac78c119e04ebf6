import type { ViewTable } from '../view-family.js';

/** agreement_view: one row per financing agreement, with its header and its running totals. */
export const AGREEMENT_VIEW_TABLE: ViewTable = {
  name: 'agreement_view',
  key: ['agreement_id'],
  ddl: [
    `create table agreement_view (
           agreement_id        text primary key,
           project_id          text not null,
           financier_ref       text,
           financier_name      text,
           agreement_number    text,
           instrument          text,
           currency            text,
           signed_amount       numeric,
           signed_on           date,
           effective_on        date,
           original_closing_on date,
           closing_on          date,
           extended            boolean not null default false,
           opened_by           text not null,
           committed           numeric not null default 0,
           cancelled           numeric not null default 0,
           disbursed           numeric not null default 0,
           spent               numeric not null default 0,
           updated_at          timestamptz not null
         )`,
  ],
  indexes: ['create index agreement_view_project on agreement_view (project_id)', 'create index agreement_view_financier on agreement_view (financier_ref)'],
};

/** planned_disbursement: the agreement's schedule of planned disbursements (IATI planned-disbursement). */
export const PLANNED_DISBURSEMENT_TABLE: ViewTable = {
  name: 'planned_disbursement',
  key: ['agreement_id', 'planned_disbursement_id'],
  ddl: [
    `create table planned_disbursement (
           agreement_id            text not null,
           planned_disbursement_id text not null,
           project_id              text not null,
           period_start            date not null,
           period_end              date not null,
           amount                  numeric not null,
           currency                text not null,
           event_id                text not null,
           primary key (agreement_id, planned_disbursement_id)
         )`,
  ],
  indexes: ['create index planned_disbursement_project on planned_disbursement (project_id, period_end)'],
};

/** project_money: per project and currency, the net commitment and the funds received so far (running totals). */
export const PROJECT_MONEY_TABLE: ViewTable = {
  name: 'project_money',
  key: ['project_id', 'currency'],
  ddl: [
    `create table project_money (
       project_id text not null,
       currency   text not null,
       committed  numeric not null,
       disbursed  numeric not null,
       primary key (project_id, currency)
     )`,
  ],
};

/**
 * cluster_money: per cluster and currency, the net commitment and the funds received of its registered
 * projects (the sums of their project_money rows), kept so the portfolio summary reads a few rows whatever
 * the portfolio's size. Added to by every batch at once (`BatchRows.add`), in stripes (TOTAL_STRIPES: the
 * summary sums them), never read by the projection.
 */
export const CLUSTER_MONEY_TABLE: ViewTable = {
  name: 'cluster_money',
  key: ['cluster', 'currency', 'stripe'],
  ddl: [
    `create table cluster_money (
       cluster   text not null,
       currency  text not null,
       stripe    smallint not null,
       committed numeric not null,
       disbursed numeric not null,
       primary key (cluster, currency, stripe)
     )`,
  ],
};
