import type { Agreement, ProjectView } from '../api/views';
import { TableHead } from '../components/TableHead';
import { useI18n } from '../i18n/i18n';
import type { CommandButton } from './ProjectCommands';

/** The project's financing agreements: their figures, their transactions, and what may be recorded on each. */
export function AgreementsSection({ project, button }: { project: ProjectView; button: CommandButton }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="agreements">
      <h2 id="agreements">
        {t('project.agreements')} {button({ kind: 'signAgreement' }, t('command.signAgreement'))}
      </h2>
      {project.agreements.length === 0 && <p>{t('common.none')}</p>}
      {project.agreements.map((a) => (
        <AgreementCard key={a.agreementId} agreement={a} button={button} />
      ))}
    </section>
  );
}

function AgreementCard({ agreement: a, button }: { agreement: Agreement; button: CommandButton }) {
  const { t, date, money, code } = useI18n();
  const currency = a.currency ?? 'USD';
  const figure = (label: string, name: string, amount: string) => (
    <>
      <dt>{label}</dt>
      <dd className="num" data-testid={`agreement-${name}`} data-amount={amount}>
        {money(amount, currency)}
      </dd>
    </>
  );
  // A reversal is recorded under the id of the transaction it undoes: that one is not reversed again.
  const reversed = new Set(a.transactions.filter((x) => x.eventType === 'TransactionReversed').map((x) => x.transactionId));
  const agreementId = a.agreementId;
  return (
    <article className="agreement" data-agreement={agreementId} aria-label={a.agreementNumber ?? agreementId}>
      <h3>
        {a.agreementNumber ?? agreementId} — {a.financierName ?? a.financierRef ?? '—'} ({code('instrument', a.instrument)})
      </h3>
      <p>
        {t('field.signedDate')}: {date(a.signedOn)} · {t('field.effectivenessDate')}: {date(a.effectiveOn)}
      </p>
      <dl className="agreement-figures">
        {figure(t('agreement.committed'), 'committed', a.committed)}
        {figure(t('agreement.cancelled'), 'cancelled', a.cancelled)}
        {figure(t('dashboard.netCommitment'), 'netCommitment', a.netCommitment)}
        {figure(t('agreement.received'), 'disbursed', a.disbursed)}
        {figure(t('agreement.spent'), 'spent', a.spent)}
      </dl>
      <p className="actions">
        {!a.effectiveOn && button({ kind: 'declareEffective', agreementId }, t('command.declareEffective'))}
        {button({ kind: 'recordCommitment', agreementId, currency }, t('command.recordCommitment'))}
        {button({ kind: 'cancelFunds', agreementId, currency }, t('command.cancelFunds'))}
        {a.effectiveOn && button({ kind: 'recordFundsReceived', agreementId, currency }, t('command.recordFundsReceived'))}
        {a.effectiveOn && button({ kind: 'recordDisbursement', agreementId, currency }, t('command.recordDisbursement'))}
      </p>
      {a.transactions.length > 0 && (
        <table>
          <TableHead
            columns={[
              { label: t('column.kind') },
              { label: t('column.event') },
              { label: t('column.transaction') },
              { label: t('column.amount'), numeric: true },
              { label: t('column.valueDate') },
              { label: t('column.actions'), hidden: true },
            ]}
          />
          <tbody>
            {a.transactions.map((x) => (
              <tr key={x.eventId} data-transaction={x.transactionId ?? undefined}>
                <td>{code('transactionKind', x.kind)}</td>
                <td>{code('event', x.eventType)}</td>
                <td>{x.transactionId ?? '—'}</td>
                <td className="num">{money(x.amount, x.currency)}</td>
                <td>{date(x.valueDate)}</td>
                <td>
                  {x.transactionId &&
                    x.eventType !== 'TransactionReversed' &&
                    !reversed.has(x.transactionId) &&
                    button({ kind: 'reverseTransaction', agreementId, transactionId: x.transactionId }, t('command.reverse'), x.transactionId)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
