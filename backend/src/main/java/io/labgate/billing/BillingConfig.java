package io.labgate.billing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** Statements: whose they say they are, and the VAT a month adds when the super-admin turns it on. */
@ConfigMapping(prefix = "labgate.billing")
public interface BillingConfig {

    /** The platform named at the top of every statement PDF. */
    @WithDefault("LabGate")
    String platformName();

    /** Korea's VAT (부가가치세) rate, in percent. */
    @WithDefault("10")
    BigDecimal vatPercent();
}
