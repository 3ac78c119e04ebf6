// Seeds the ECAB demo portfolio through the same HTTP commands a program manager sends, so every
// seeded fact is a real event. Idempotent: a project already registered is left as it is.
// Titles, clusters and recipient-country shares come from shared/docs/DOMAIN.md §5; financing is
// not seeded yet, because most amounts there are illustrative and the commands cannot yet mark
// a value as illustrative.
// Run by `npm start` after the apps are up (as the admin it created), or on its own: `npm run seed`
// (API_URL, default :3001; ECAB_TOKEN, or ECAB_ADMIN_USERNAME + ECAB_ADMIN_PASSWORD to log in).
import { pathToFileURL } from 'node:url';

const both = (kz, kg) => [
  { code: 'KZ', percentage: kz },
  { code: 'KG', percentage: kg },
];
const only = (code) => [{ code, percentage: 100 }];

export const ECAB_SEED_PROJECTS = [
  { id: 'ECAB-TR-01', cluster: 'transport', countries: both(59.4, 40.6), title: 'Almaty–Issyk-Kul road: feasibility study' },
  { id: 'ECAB-TR-01b', cluster: 'transport', countries: both(59.4, 40.6), title: 'Almaty–Issyk-Kul road: PPP construction' },
  { id: 'ECAB-TR-02', cluster: 'transport', countries: only('KG'), title: 'ABEC Regional Improvement of Border Services (ADB 54439-001)' },
  { id: 'ECAB-TR-03', cluster: 'transport', countries: only('KZ'), title: 'Joint border checkpoint modernisation roadmap 2024–2027' },
  { id: 'ECAB-TR-04', cluster: 'transport', countries: both(50, 50), title: 'Almaty–Bishkek electric bus' },
  { id: 'ECAB-AG-01', cluster: 'agribusiness', countries: both(50, 50), title: 'Industrial Trade and Logistics Complex Karasu / Ak-Tilek' },
  { id: 'ECAB-AG-02', cluster: 'agribusiness', countries: only('KZ'), title: '"Alatau" industrial zone, Zhambyl' },
  { id: 'ECAB-AG-03', cluster: 'agribusiness', countries: both(50, 50), title: 'Wholesale market master plans' },
  { id: 'ECAB-AG-04', cluster: 'agribusiness', countries: both(50, 50), title: 'Agricultural supplies roadmap and SPS laboratory twinning' },
  { id: 'ECAB-TO-01', cluster: 'tourism', countries: both(50, 50), title: 'ABEC Tourism Master Plan (2019) and green update' },
  { id: 'ECAB-TO-02', cluster: 'tourism', countries: only('KG'), title: 'Issyk-Kul environmental management and sustainable tourism' },
  { id: 'ECAB-TO-03', cluster: 'tourism', countries: both(60, 40), title: 'Joint mountain-tourism cluster' },
  { id: 'ECAB-AQ-01', cluster: 'air-quality', countries: only('KG'), title: 'Air-quality sensor network, Bishkek' },
  { id: 'ECAB-AQ-02', cluster: 'air-quality', countries: both(50, 50), title: 'Joint air-quality data platform' },
  { id: 'ECAB-HE-01', cluster: 'health', countries: only('KG'), title: 'Strengthening Regional Health Security (ADB 55131-001)' },
  { id: 'ECAB-HE-02', cluster: 'health', countries: both(50, 50), title: 'Cross-border laboratory-results exchange' },
  { id: 'ECAB-CL-01', cluster: 'climate', countries: both(50, 50), title: 'Corridor climate and disaster-risk assessment' },
];

export async function seed({ apiUrl, log = console.log, headers = {} }) {
  let registered = 0;
  let present = 0;
  for (const project of ECAB_SEED_PROJECTS) {
    const response = await fetch(`${apiUrl}/api/v1/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'seed-ecab-demo-portfolio', ...headers },
      body: JSON.stringify(project),
    });
    if (response.status === 201) {
      registered += 1;
    } else if (response.status === 409) {
      present += 1;
    } else {
      throw new Error(`registering ${project.id} failed with ${response.status}: ${await response.text()}`);
    }
  }
  log(`ECAB demo portfolio: ${registered} projects registered, ${present} already there (${ECAB_SEED_PROJECTS.length} in the seed)`);
  return { registered, present };
}

/** Logs in on the platform's token endpoint and returns the Authorization header to send. */
export async function adminAuthorization(apiUrl, username, password) {
  const response = await fetch(`${apiUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`logging in as ${username} failed with ${response.status}: ${await response.text()}`);
  const { access_token: token } = await response.json();
  return { authorization: `Bearer ${token}` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3001';
  const { ECAB_TOKEN: token, ECAB_ADMIN_USERNAME: username, ECAB_ADMIN_PASSWORD: password } = process.env;
  let headers;
  if (token) headers = { authorization: `Bearer ${token}` };
  else if (username && password) headers = await adminAuthorization(apiUrl, username, password);
  else {
    console.error('npm run seed needs ECAB_TOKEN, or ECAB_ADMIN_USERNAME and ECAB_ADMIN_PASSWORD (npm start prints them)');
    process.exit(2);
  }
  await seed({ apiUrl, headers });
}
