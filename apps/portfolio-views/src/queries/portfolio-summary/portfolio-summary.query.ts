import { z } from 'zod';
import { defineQuery, READ_PARAMETERS } from '../view-query.js';

export const portfolioSummaryQuery = defineQuery({
  name: 'PortfolioSummary',
  path: 'portfolio/summary',
  tag: 'Portfolio',
  summary: 'Projects and money per cluster',
  description: 'Per cluster: how many projects, and committed and disbursed money per currency (decimal strings).',
  query: z.object({ ...READ_PARAMETERS }).strict(),
});
