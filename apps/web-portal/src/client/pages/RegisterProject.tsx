import { registerProjectRequest } from '@ecab/contracts/commands';
import { CLUSTERS, COUNTRY_CODES } from '@ecab/domain';
import { useNavigate } from '@tanstack/react-router';
import { commandClusters, useSession } from '../api/session';
import { CommandForm, type FieldSpec } from '../components/CommandForm';
import { useI18n } from '../i18n/i18n';

/** Register a project in one of the clusters the signed-in manager acts on. */
export function RegisterProject() {
  const { t, code } = useI18n();
  const { principal } = useSession();
  const navigate = useNavigate();
  const clusters = commandClusters(principal, CLUSTERS);
  if (clusters.length === 0) return <p role="alert">{t('session.readOnly')}</p>;
  const fields: FieldSpec[] = [
    { name: 'id', label: 'field.id' },
    { name: 'title', label: 'field.title', required: true },
    { name: 'cluster', label: 'field.cluster', type: 'select', initial: clusters[0], options: clusters.map((c) => ({ value: c, label: code('cluster', c) })) },
    ...COUNTRY_CODES.map((country, index): FieldSpec => ({
      name: `share-${country}`,
      label: 'field.countryShare',
      labelValues: { country },
      type: 'number',
      apiField: 'countries',
      initial: index === 0 ? '100' : '',
    })),
    { name: 'effectiveDate', label: 'field.effectiveDate', type: 'date' },
  ];
  return (
    <>
      <h1>{t('command.registerProject')}</h1>
      <CommandForm
        title="command.registerProject"
        showTitle={false}
        request={registerProjectRequest}
        fields={fields}
        toBody={(v) => ({
          id: v.id?.trim() || undefined,
          title: v.title,
          cluster: v.cluster,
          countries: COUNTRY_CODES.filter((c) => (v[`share-${c}`] ?? '').trim() !== '').map((c) => ({ code: c, percentage: Number(v[`share-${c}`]) })),
          effectiveDate: v.effectiveDate || undefined,
        })}
        onDone={(answer) => void navigate({ to: '/projects/$projectId', params: { projectId: answer.projectId ?? answer.id ?? '' } })}
        onCancel={() => void navigate({ to: '/projects' })}
      />
    </>
  );
}
