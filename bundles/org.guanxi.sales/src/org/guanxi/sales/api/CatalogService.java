package org.guanxi.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.model.PriceList;
import org.guanxi.core.model.PriceListItem;
import org.guanxi.core.model.Product;

/** Products and price lists: what can be sold, and at which list price. */
public interface CatalogService {

    /** Products whose SKU, name or category starts with or contains {@code text} (blank: all), by SKU. */
    List<Product> products(String text, int limit);

    Product product(long id);

    Product productBySku(String sku);

    /** Validates and writes a product (new SKUs must be unique). */
    Product saveProduct(Product product);

    /** Price lists valid on {@code day}, by code. */
    List<PriceList> priceLists(LocalDate day);

    PriceList savePriceList(PriceList list);

    /** Sets the price of a product in a list from a minimum quantity on (replacing that tier's price). */
    PriceListItem setPrice(long priceListId, long productId, BigDecimal minQuantity, BigDecimal unitPrice);

    List<PriceListItem> items(long priceListId);

    /**
     * The list price of {@code quantity} units: the list's tier with the largest minimum quantity not above
     * {@code quantity}; the product's own price when the list has none for it or {@code priceListId} is null.
     */
    BigDecimal listPrice(Long priceListId, long productId, BigDecimal quantity);
}
