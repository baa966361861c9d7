package org.guanxi.customer.value;

/**
 * A computed label with the reason it was given: {@code reasonKey} names a message of the customer bundle
 * ({@code value/messages*.properties}), {@code args} fill it. Every label a user sees can say why.
 */
public record Explained<T>(T value, String reasonKey, Object... args) {
}
