package io.labgate.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A month's settings (keyed by its first day); its closes are {@code billing_closings}. */
@Entity
@Table(name = "billing_months")
public class BillingMonth {

    @Id
    public LocalDate month;

    @Column(name = "krw_per_usd")
    public BigDecimal krwPerUsd;

    @Column(name = "apply_vat")
    public boolean applyVat;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
