import { z } from 'zod';
/**
 * An indicator's baseline, target or actual: a decimal string ("14200", "35.5", "-0.25") or, for a
 * qualitative indicator (measure 5), free text. The domain knows the measure and checks which.
 */
export const indicatorValueField = z
  .string({ error: 'must be a decimal string such as "35.5" (never a number), or text for a qualitative indicator' })
  .max(1000, 'must be at most 1000 characters');
