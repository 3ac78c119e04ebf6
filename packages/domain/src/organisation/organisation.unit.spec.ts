import { organisationStreamId } from './stream.js';

describe('RegisterOrganisation', () => {
  it('lives in the stream organisation-<id>', () => {
    expect(organisationStreamId('XM-DAC-46004')).toBe('organisation-XM-DAC-46004');
  });
});
