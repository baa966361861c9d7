package org.guanxi.core.model;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A shipment (发货单) of an order as the ERP reports it. */
@Entity
@Table(name = "DELIVERY")
public class Delivery extends BaseEntity {

    public enum Status { PLANNED, SHIPPED, DELIVERED, RETURNED }

    @Column(name = "ORDER_ID", nullable = false)
    private Long orderId;

    @Column(name = "DELIVERY_NO", nullable = false, length = 40, unique = true)
    private String deliveryNo;

    @Column(name = "SHIPPED_ON")
    private LocalDate shippedOn;

    @Column(name = "DELIVERED_ON")
    private LocalDate deliveredOn;

    @Column(name = "CARRIER", length = 100)
    private String carrier;

    @Column(name = "TRACKING_NO", length = 100)
    private String trackingNo;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private Status status = Status.PLANNED;

    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public String getDeliveryNo() { return deliveryNo; }
    public void setDeliveryNo(String deliveryNo) { this.deliveryNo = deliveryNo; }
    public LocalDate getShippedOn() { return shippedOn; }
    public void setShippedOn(LocalDate shippedOn) { this.shippedOn = shippedOn; }
    public LocalDate getDeliveredOn() { return deliveredOn; }
    public void setDeliveredOn(LocalDate deliveredOn) { this.deliveredOn = deliveredOn; }
    public String getCarrier() { return carrier; }
    public void setCarrier(String carrier) { this.carrier = carrier; }
    public String getTrackingNo() { return trackingNo; }
    public void setTrackingNo(String trackingNo) { this.trackingNo = trackingNo; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
}
