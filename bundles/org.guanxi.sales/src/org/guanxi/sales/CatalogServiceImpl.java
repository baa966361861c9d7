package org.guanxi.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.PriceList;
import org.guanxi.core.model.PriceListItem;
import org.guanxi.core.model.Product;
import org.guanxi.core.service.AuditLog;
import org.guanxi.sales.api.CatalogService;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;

/** Products and price lists through JPA; price look-ups are one indexed query each. */
@Component(service = CatalogService.class)
public class CatalogServiceImpl implements CatalogService {

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Activate
    public CatalogServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public List<Product> products(String text, int limit) {
        security.check(Permission.CUSTOMER_READ);
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return db.read(em -> em.createQuery("SELECT p FROM Product p WHERE :t = '' OR LOWER(p.sku) LIKE :like "
                + "OR LOWER(p.name) LIKE :like OR LOWER(p.category) LIKE :like ORDER BY p.sku", Product.class)
                .setParameter("t", t).setParameter("like", "%" + t + "%").setMaxResults(Math.max(1, limit)).getResultList());
    }

    @Override
    public Product product(long id) {
        security.check(Permission.CUSTOMER_READ);
        return Entities.require(db.read(em -> em.find(Product.class, id)), "Product", id);
    }

    @Override
    public Product productBySku(String sku) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> em.createQuery("SELECT p FROM Product p WHERE p.sku = :s", Product.class).setParameter("s", sku)
                .getResultStream().findFirst().orElse(null));
    }

    @Override
    public Product saveProduct(Product input) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "sku", input.getSku(), 40);
        Checks.required(errors, "productName", input.getName(), 200);
        Checks.maxLength(errors, "category", input.getCategory(), 100);
        Checks.required(errors, "unitPrice", input.getUnitPrice());
        Checks.notNegative(errors, "unitPrice", input.getUnitPrice());
        Checks.throwIfAny(errors);
        return db.inTransaction(em -> {
            Product other = em.createQuery("SELECT p FROM Product p WHERE p.sku = :s", Product.class)
                    .setParameter("s", input.getSku().strip()).getResultStream().findFirst().orElse(null);
            if (other != null && !other.getId().equals(input.getId())) {
                Checks.throwIfAny(List.of(new FieldError("sku", "error.skuTaken", input.getSku())));
            }
            Product p = input.isNew() ? input : Entities.current(em, Product.class, "Product", input.getId(), input.getVersion());
            Map<String, Object> before = input.isNew() ? Map.of() : snapshot(p);
            p.setSku(input.getSku().strip());
            p.setName(input.getName().strip());
            p.setCategory(input.getCategory());
            p.setUnitPrice(input.getUnitPrice());
            p.setUnitCost(input.getUnitCost());
            p.setStockItem(input.isStockItem());
            if (p.isNew()) {
                em.persist(p);
            }
            em.flush();
            audit.record(em, "Product", p.getId(), before, snapshot(p));
            return p;
        });
    }

    private static Map<String, Object> snapshot(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", p.getSku());
        m.put("name", p.getName());
        m.put("category", p.getCategory());
        m.put("unitPrice", p.getUnitPrice());
        m.put("unitCost", p.getUnitCost());
        m.put("stockItem", p.isStockItem());
        m.values().removeIf(Objects::isNull);
        return m;
    }

    @Override
    public List<PriceList> priceLists(LocalDate day) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> em.createQuery("SELECT l FROM PriceList l ORDER BY l.code", PriceList.class).getResultList())
                .stream().filter(l -> l.validOn(day)).toList();
    }

    @Override
    public PriceList savePriceList(PriceList input) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "priceListCode", input.getCode(), 32);
        Checks.required(errors, "priceListName", input.getName(), 200);
        Checks.currency(errors, "currency", input.getCurrency());
        if (input.getValidFrom() != null && input.getValidTo() != null && input.getValidTo().isBefore(input.getValidFrom())) {
            errors.add(new FieldError("validTo", "error.endBeforeStart"));
        }
        Checks.throwIfAny(errors);
        return db.inTransaction(em -> {
            if (input.isNew()) {
                em.persist(input);
                return input;
            }
            PriceList l = Entities.current(em, PriceList.class, "PriceList", input.getId(), input.getVersion());
            l.setCode(input.getCode().strip());
            l.setName(input.getName().strip());
            l.setCurrency(input.getCurrency());
            l.setValidFrom(input.getValidFrom());
            l.setValidTo(input.getValidTo());
            l.setActive(input.isActive());
            return l;
        });
    }

    @Override
    public PriceListItem setPrice(long priceListId, long productId, BigDecimal minQuantity, BigDecimal unitPrice) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "unitPrice", unitPrice);
        Checks.notNegative(errors, "unitPrice", unitPrice);
        Checks.notNegative(errors, "minQuantity", minQuantity);
        Checks.throwIfAny(errors);
        BigDecimal min = minQuantity == null ? BigDecimal.ONE : minQuantity;
        return db.inTransaction(em -> {
            Entities.require(em.find(PriceList.class, priceListId), "PriceList", priceListId);
            Entities.require(em.find(Product.class, productId), "Product", productId);
            PriceListItem item = em.createQuery("SELECT i FROM PriceListItem i WHERE i.priceListId = :l AND i.productId = :p "
                    + "AND i.minQuantity = :m", PriceListItem.class).setParameter("l", priceListId).setParameter("p", productId)
                    .setParameter("m", min).getResultStream().findFirst().orElse(null);
            if (item == null) {
                item = new PriceListItem(priceListId, productId, min, unitPrice);
                em.persist(item);
            } else {
                item.setUnitPrice(unitPrice);
            }
            return item;
        });
    }

    @Override
    public List<PriceListItem> items(long priceListId) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> em.createQuery("SELECT i FROM PriceListItem i WHERE i.priceListId = :l ORDER BY i.productId, "
                + "i.minQuantity", PriceListItem.class).setParameter("l", priceListId).getResultList());
    }

    @Override
    public BigDecimal listPrice(Long priceListId, long productId, BigDecimal quantity) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> listPrice(em, priceListId, productId, quantity));
    }

    static BigDecimal listPrice(EntityManager em, Long priceListId, long productId, BigDecimal quantity) {
        if (priceListId != null) {
            List<BigDecimal> tier = em.createQuery("SELECT i.unitPrice FROM PriceListItem i WHERE i.priceListId = :l "
                    + "AND i.productId = :p AND i.minQuantity <= :q ORDER BY i.minQuantity DESC", BigDecimal.class)
                    .setParameter("l", priceListId).setParameter("p", productId)
                    .setParameter("q", quantity == null ? BigDecimal.ONE : quantity).setMaxResults(1).getResultList();
            if (!tier.isEmpty()) {
                return tier.get(0);
            }
        }
        return Entities.require(em.find(Product.class, productId), "Product", productId).getUnitPrice();
    }
}
