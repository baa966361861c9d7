package org.guanxi.core.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.guanxi.core.AppClock;

/**
 * A saved segment (客户细分) of the customer base: customers whose pyramid tier, lifecycle stage and RFM segment (from the
 * latest value analysis), customer type and city are among the chosen ones. An empty criterion does not filter.
 * Criteria are stored as comma-separated names so that a segment reads as one row.
 */
@Entity
@Table(name = "SEGMENT")
public class Segment extends BaseEntity {

    @Column(name = "NAME", nullable = false, length = 100, unique = true)
    private String name;

    @Column(name = "TIERS", nullable = false, length = 100)
    private String tiers = "";

    @Column(name = "STAGES", nullable = false, length = 100)
    private String stages = "";

    @Column(name = "RFM_SEGMENTS", nullable = false, length = 200)
    private String rfmSegments = "";

    @Column(name = "CUSTOMER_TYPES", nullable = false, length = 100)
    private String customerTypes = "";

    @Column(name = "CITIES", nullable = false, length = 400)
    private String cities = "";

    @Column(name = "CREATED_BY", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @PrePersist
    void created() {
        if (createdAt == null) {
            createdAt = AppClock.now();
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Set<Tier> getTiers() { return parse(tiers, Tier.class); }
    public void setTiers(Set<Tier> v) { tiers = join(v); }
    public Set<Stage> getStages() { return parse(stages, Stage.class); }
    public void setStages(Set<Stage> v) { stages = join(v); }
    public Set<RfmSegment> getRfmSegments() { return parse(rfmSegments, RfmSegment.class); }
    public void setRfmSegments(Set<RfmSegment> v) { rfmSegments = join(v); }
    public Set<CustomerType> getCustomerTypes() { return parse(customerTypes, CustomerType.class); }
    public void setCustomerTypes(Set<CustomerType> v) { customerTypes = join(v); }
    /** Cities as typed, in the order given. */
    public List<String> getCities() {
        return cities.isBlank() ? List.of() : Arrays.stream(cities.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
    public void setCities(List<String> v) {
        cities = v.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(","));
    }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }

    private static <E extends Enum<E>> Set<E> parse(String stored, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String s : stored.split(",")) {
            if (!s.isBlank()) {
                out.add(Enum.valueOf(type, s.strip()));
            }
        }
        return out;
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
