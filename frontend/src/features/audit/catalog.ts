/**
 * The kinds of things the audit log records and the actions on each, as the services name them (the server's
 * audit.record calls). The screen words each one; an action it does not know yet still shows, as its code.
 */
export const ENTITY_ACTIONS: Record<string, readonly string[]> = {
  member: ['member.create', 'member.update', 'member.update_with_password', 'member.password_change', 'member.password_reset',
    'member.sign_out', 'member.delete', 'member.import'],
  plan: ['plan.create', 'plan.update', 'plan.delete'],
  ai_settings: ['ai_settings.create', 'ai_settings.update', 'ai_settings.update_with_key', 'ai_settings.delete', 'crypto.rotate'],
  user_ai_access: ['access.create', 'access.update', 'access.bulk_assign', 'access.reset_usage', 'access.delete'],
  model_price: ['model_price.create', 'model_price.update', 'model_price.delete'],
  usage_settings: ['usage_settings.update'],
  alert_rule: ['alert_rule.create', 'alert_rule.update', 'alert_rule.delete'],
  alert_channel: ['alert_channel.create', 'alert_channel.update', 'alert_channel.update_with_secret', 'alert_channel.delete', 'crypto.rotate'],
};

export const ENTITY_TYPES = Object.keys(ENTITY_ACTIONS);

/** The actions to offer: those of the chosen type, or every known one. */
export function actionsOf(entityType: string): string[] {
  const all = entityType ? ENTITY_ACTIONS[entityType] ?? [] : Object.values(ENTITY_ACTIONS).flat();
  return [...new Set(all)];
}
