package io.labgate.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** USD per one million tokens for one provider's model. */
@Entity
@Table(name = "model_prices")
public class ModelPrice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String provider;

    public String model;

    @Column(name = "input_per_mtok")
    public BigDecimal inputPerMtok;

    @Column(name = "output_per_mtok")
    public BigDecimal outputPerMtok;

    @Column(name = "cached_input_per_mtok")
    public BigDecimal cachedInputPerMtok;

    @Column(name = "cache_write_per_mtok")
    public BigDecimal cacheWritePerMtok;

    public String source;

    @Column(name = "source_date")
    public LocalDate sourceDate;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
