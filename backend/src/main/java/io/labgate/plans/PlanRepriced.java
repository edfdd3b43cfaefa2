package io.labgate.plans;

/**
 * Fired (synchronously, in the updating transaction) when a plan's monthly fee changes: the members holding it
 * pay the new fee from now on, and what they held before keeps the fee it had (billing's plan-fee history).
 */
public record PlanRepriced(long planId) {
}
