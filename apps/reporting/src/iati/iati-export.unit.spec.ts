import { validateAgainstSchema, xpath } from '@ecab/testing';
import { ecabPortfolio, FOREIGN_PREFIX, KARASU, REF, ROAD, UNPUBLISHED } from '../test-support/ecab-portfolio.js';
import { Codelists, IATI_FILES_DIR } from './codelists.js';
import type { ExportOptions } from './export-options.js';
import { iatiActivitiesFile, iatiOrganisationFile } from './iati-export.js';

const ACTIVITIES_XSD = `${IATI_FILES_DIR}iati-activities-schema.xsd`;
const ORGANISATIONS_XSD = `${IATI_FILES_DIR}iati-organisations-schema.xsd`;
const options = (includeIllustrative = false): ExportOptions => ({
  reportingOrg: { ref: REF, type: '10', names: { en: 'ECAB Portfolio Secretariat', ru: 'Секретариат' } },
  includeIllustrative,
  defaultCurrency: 'USD',
  programmeSector: '43010',
});
const codelists = Codelists.load();
const events = ecabPortfolio().events;
const file = iatiActivitiesFile(events, options(), codelists);
const withIllustrative = iatiActivitiesFile(events, options(true), codelists);
const road = `//iati-activity[iati-identifier='${REF}-${ROAD}']`;
const tx = (ref: string, what: string) => xpath(file.xml, `string(${road}/transaction[@ref='${ROAD}-F1:${ref}']/${what})`);

describe('activities.xml', () => {
  it('is valid against the IATI 2.03 activities schema, with and without illustrative values (xmllint)', () => {
    expect(validateAgainstSchema(file.xml, ACTIVITIES_XSD)).toEqual({ valid: true, output: 'document.xml validates' });
    expect(validateAgainstSchema(withIllustrative.xml, ACTIVITIES_XSD)).toEqual({ valid: true, output: 'document.xml validates' });
  });

  it('is checked by a validator that does reject what the schema forbids', () => {
    const broken = file.xml.replace(/<iati-identifier>[^<]*<\/iati-identifier>/, '');
    const result = validateAgainstSchema(broken, ACTIVITIES_XSD);
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/iati-identifier/);
  });

  it('holds the programme as hierarchy 1 and the published projects as 2, or 3 for a child, linked both ways', () => {
    const programme = `${REF}-ECAB`;
    expect(xpath(file.xml, 'string(//iati-activity[1]/iati-identifier)')).toBe(programme);
    expect(xpath(file.xml, `string(//iati-activity[iati-identifier='${programme}']/@hierarchy)`)).toBe('1');
    expect(xpath(file.xml, `string(${road}/@hierarchy)`)).toBe('2');
    expect(xpath(file.xml, `string(//iati-activity[iati-identifier='${REF}-${KARASU}']/@hierarchy)`)).toBe('3');
    expect(xpath(file.xml, `count(//iati-activity[iati-identifier='${programme}']/related-activity[@type='2' and @ref='${REF}-${ROAD}'])`)).toBe('1');
    expect(xpath(file.xml, `count(${road}/related-activity[@type='1' and @ref='${programme}'])`)).toBe('1');
    expect(xpath(file.xml, `count(${road}/related-activity[@type='2' and @ref='${REF}-${KARASU}'])`)).toBe('1');
    expect(xpath(file.xml, `count(//iati-activity[iati-identifier='${REF}-${KARASU}']/related-activity[@type='1' and @ref='${REF}-${ROAD}'])`)).toBe('1');
  });

  it('leaves out unpublished projects, and shows descriptive data as it was published', () => {
    expect(xpath(file.xml, 'count(//iati-activity)')).toBe('3');
    expect(file.xml).not.toContain(UNPUBLISHED);
    expect(xpath(file.xml, `string(${road}/title/narrative[not(@xml:lang)])`)).toBe('Almaty–Issyk-Kul road: feasibility study');
    expect(xpath(file.xml, `string(${road}/title/narrative[@xml:lang='ru'])`)).toBe('Дорога Алматы – Иссык-Куль: ТЭО');
    expect(file.xml).not.toContain('Draft title not yet published');
    expect(file.xml).not.toContain('Draft result not yet published');
  });

  it('writes the budgets as published, each with its type, status, period and value, illustrative ones only on request', () => {
    const budgets = (xml: string) =>
      Array.from({ length: Number(xpath(xml, `count(${road}/budget)`)) }, (_, i) => {
        const at = (path: string) => xpath(xml, `string(${road}/budget[${i + 1}]/${path})`);
        return [
          at('@type'),
          at('@status'),
          at('period-start/@iso-date'),
          at('period-end/@iso-date'),
          at('value'),
          at('value/@currency'),
          at('value/@value-date'),
        ];
      });
    expect(budgets(file.xml)).toEqual([
      ['1', '2', '2025-01-01', '2025-12-31', '1200000.00', 'USD', '2025-01-01'],
      ['2', '2', '2025-01-01', '2025-12-31', '1350000.00', 'USD', '2025-07-01'],
    ]);
    expect(budgets(withIllustrative.xml)).toHaveLength(3);
    expect(xpath(withIllustrative.xml, `string(${road}/budget[3]/@*[local-name()='confidence'])`)).toBe('illustrative');
  });

  it('writes the document links as published: address, format, title, category, language and date', () => {
    const link = `${road}/document-link[@url='https://www.adb.org/projects/54439-001/main']`;
    expect(xpath(file.xml, `count(${road}/document-link)`)).toBe('1');
    expect([
      xpath(file.xml, `string(${link}/@format)`),
      xpath(file.xml, `string(${link}/title/narrative[not(@xml:lang)])`),
      xpath(file.xml, `string(${link}/title/narrative[@xml:lang='ru'])`),
      xpath(file.xml, `string(${link}/category/@code)`),
      xpath(file.xml, `string(${link}/language/@code)`),
      xpath(file.xml, `string(${link}/document-date/@iso-date)`),
    ]).toEqual(['text/html', 'ADB project page 54439-001', 'Страница проекта АБР', 'A12', 'en', '2024-06-24']);
    expect(file.xml).not.toContain('Draft document not yet published');
    expect(xpath(withIllustrative.xml, `string(${road}/document-link[category/@code='A01']/@*[local-name()='confidence'])`)).toBe('illustrative');
    expect(xpath(withIllustrative.xml, `count(${road}/document-link[category/@code='A01']/language)`)).toBe('0');
  });

  it('writes identifiers, participants, status, dates, countries and sectors per vocabulary', () => {
    expect(xpath(file.xml, `string(${road}/reporting-org/@ref)`)).toBe(REF);
    expect(xpath(file.xml, `string(${road}/participating-org[@role='1']/@ref)`)).toBe('XM-DAC-46004');
    expect(xpath(file.xml, `string(${road}/participating-org[@role='1']/@type)`)).toBe('40');
    expect(xpath(file.xml, `string(${road}/participating-org[@role='2']/narrative)`)).toBe('Ministry of Transport of the Republic of Kazakhstan');
    expect(xpath(file.xml, `string(${road}/activity-status/@code)`)).toBe('2');
    expect(xpath(file.xml, `string(${road}/activity-date[@type='1']/@iso-date)`)).toBe('2025-01-15');
    expect(xpath(file.xml, `string(${road}/recipient-country[@code='KZ']/@percentage)`)).toBe('59.4');
    expect(xpath(file.xml, `sum(${road}/sector[@vocabulary='1']/@percentage)`)).toBe('100');
    expect(xpath(file.xml, `string(${road}/sector[@vocabulary='99']/@code)`)).toBe('transport');
    expect(xpath(file.xml, `string(${road}/policy-marker/@code)`)).toBe('7');
    expect(xpath(file.xml, `string(${road}/location/point/pos)`)).toBe('42.6497 77.0858');
  });

  it('writes the money: incoming commitment 11, incoming funds 1, disbursement 3, expenditure 4, reductions negative', () => {
    expect([tx('C1', 'transaction-type/@code'), tx('C1', 'value')]).toEqual(['11', '1500000.00']);
    expect(tx('C1', 'provider-org/@provider-activity-id')).toBe('XM-DAC-46004-54439-001');
    expect([tx('R1', 'transaction-type/@code'), tx('R1', 'value'), tx('R1', 'value/@value-date')]).toEqual(['1', '450000.00', '2025-05-20']);
    expect([tx('D1', 'transaction-type/@code'), tx('D1', 'value'), tx('D1', 'receiver-org/narrative')]).toEqual(['3', '100000.00', 'Road Consultants LLP']);
    expect([tx('E1', 'transaction-type/@code'), tx('E1', 'value')]).toEqual(['4', '50000.00']);
    // A reversal is a transaction of the same type with the negative value, dated when it was reversed.
    expect([tx('D1-reversal', 'transaction-type/@code'), tx('D1-reversal', 'value'), tx('D1-reversal', 'transaction-date/@iso-date')]).toEqual([
      '3',
      '-100000.00',
      '2025-07-01',
    ]);
    expect(tx('D1-reversal', 'description/narrative')).toBe('Reversal of D1 (DATA_ENTRY_ERROR)');
    expect([tx('X1', 'transaction-type/@code'), tx('X1', 'value')]).toEqual(['11', '-200000.00']);
    expect(tx('C1', 'finance-type/@code')).toBe('110');
    expect(xpath(file.xml, `string(${road}/planned-disbursement/value)`)).toBe('300000.00');
  });

  it('writes results with baseline, target and only verified actuals', () => {
    const indicator = `${road}/result[@type='2']/indicator[title/narrative='Feasibility studies approved (studies)']`;
    expect(xpath(file.xml, `string(${indicator}/baseline/@value)`)).toBe('0');
    expect(xpath(file.xml, `string(${indicator}/period[period-start/@iso-date='2026-01-01']/target/@value)`)).toBe('1');
    expect(xpath(file.xml, `string(${indicator}/period[period-start/@iso-date='2026-01-01']/actual/@value)`)).toBe('1');
    expect(xpath(file.xml, `string(${indicator}/period[period-start/@iso-date='2025-01-01']/actual/@value)`)).toBe('0');
  });

  it('leaves illustrative values out by default, and includes them marked when asked', () => {
    expect(tx('E2', 'value')).toBe('');
    expect(xpath(file.xml, `count(${road}/activity-date[@type='2'])`)).toBe('0');
    expect(xpath(file.xml, `count(${road}//indicator[title/narrative='Design traffic (vehicles/day)']/baseline)`)).toBe('0');
    expect(xpath(file.xml, `count(${road}//indicator[title/narrative='Design traffic (vehicles/day)']/period)`)).toBe('0');
    const marked = (path: string) =>
      xpath(withIllustrative.xml, `string(${road}/${path}/@*[local-name()='confidence' and namespace-uri()='urn:ecab:iati-extension:1'])`);
    expect(xpath(withIllustrative.xml, `string(${road}/transaction[@ref='${ROAD}-F1:E2']/value)`)).toBe('20000.00');
    expect(marked(`transaction[@ref='${ROAD}-F1:E2']`)).toBe('illustrative');
    expect(marked("activity-date[@type='2']")).toBe('illustrative');
    expect(marked(`transaction[@ref='${ROAD}-F1:E1']`)).toBe('');
    const traffic = `${road}//indicator[title/narrative='Design traffic (vehicles/day)']`;
    expect(xpath(withIllustrative.xml, `string(${traffic}/baseline/@value)`)).toBe('300');
    expect(marked("result/indicator[title/narrative='Design traffic (vehicles/day)']/baseline")).toBe('illustrative');
    // Targets take no foreign attributes: their comment carries the mark.
    expect(xpath(withIllustrative.xml, `string(${traffic}/period/target/@value)`)).toBe('2000');
    expect(xpath(withIllustrative.xml, `string(${traffic}/period/target/comment/narrative)`)).toBe('[illustrative]');
  });

  it('withholds an activity that breaks a rule, and names it with the rule', () => {
    expect(file.xml).not.toContain(FOREIGN_PREFIX);
    expect(file.withheld).toEqual([expect.objectContaining({ activity: FOREIGN_PREFIX, rule: 'IDENTIFIER_PREFIX' })]);
  });

  it('is the same bytes for the same events', () => {
    expect(iatiActivitiesFile(ecabPortfolio().events, options(), codelists).xml).toBe(file.xml);
  });
});

describe('organisation.xml', () => {
  it('is valid against the IATI 2.03 organisations schema and names the reporting organisation', () => {
    const xml = iatiOrganisationFile(events, options());
    expect(validateAgainstSchema(xml, ORGANISATIONS_XSD)).toEqual({ valid: true, output: 'document.xml validates' });
    expect(xpath(xml, 'string(//organisation-identifier)')).toBe(REF);
    expect(xpath(xml, "string(//name/narrative[@xml:lang='ru'])")).toBe('Секретариат');
  });
});
