import { setupServer } from 'msw/node';
import { handlers } from './handlers';
import { pricingHandlers } from './pricing-handlers';
import { auditHandlers } from './audit-handlers';
import { usageSettingsHandlers } from './usage-settings-handlers';

export const server = setupServer(...handlers, ...pricingHandlers, ...auditHandlers, ...usageSettingsHandlers);
