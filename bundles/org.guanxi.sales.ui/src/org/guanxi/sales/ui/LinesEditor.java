package org.guanxi.sales.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.guanxi.core.model.Money;
import org.guanxi.core.model.PricedLine;
import org.guanxi.core.model.Product;
import org.guanxi.sales.api.OrderService.Availability;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Widgets;

/**
 * The lines of a quote or an order: pick a product, a quantity and a discount, add the line; the table shows list
 * price, unit price and amount, and (for orders) what is available to promise, in red where it falls short.
 */
final class LinesEditor {

    /** A line as edited: prices are shown as the service will compute them. */
    static final class Line {
        final Product product;
        BigDecimal quantity;
        BigDecimal listPrice;
        BigDecimal discount;

        Line(Product product, BigDecimal quantity, BigDecimal listPrice, BigDecimal discount) {
            this.product = product;
            this.quantity = quantity;
            this.listPrice = listPrice;
            this.discount = discount;
        }

        BigDecimal unitPrice() {
            return Money.discounted(listPrice, discount);
        }

        BigDecimal amount() {
            return Money.amount(quantity, unitPrice());
        }
    }

    private final List<Product> products;
    private final BiFunction<Product, BigDecimal, BigDecimal> listPrice;
    private final Function<Map<Long, BigDecimal>, List<Availability>> availability;
    private final List<Line> lines = new ArrayList<>();
    private final Map<Long, Availability> available = new LinkedHashMap<>();
    private final Combo product;
    private final Spinner quantity;
    private final Spinner discount;
    private final TableViewer viewer;
    private final Label total;
    private Runnable onChange = () -> { };

    /**
     * @param listPrice the list price of a product for a quantity
     * @param availability null for quotes, which promise nothing
     */
    LinesEditor(Composite parent, List<Product> products, BiFunction<Product, BigDecimal, BigDecimal> listPrice,
            Function<Map<Long, BigDecimal>, List<Availability>> availability) {
        this.products = products;
        this.listPrice = listPrice;
        this.availability = availability;
        Composite box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(8).applyTo(box);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(box);

        new Label(box, SWT.NONE).setText(Messages.get("lines.product"));
        product = Widgets.id(new Combo(box, SWT.READ_ONLY), "lines.product");
        products.forEach(p -> product.add(p.getSku() + "  " + p.getName()));
        product.setVisibleItemCount(20);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(product);
        new Label(box, SWT.NONE).setText(Messages.get("lines.quantity"));
        quantity = Widgets.id(new Spinner(box, SWT.BORDER), "lines.quantity");
        quantity.setValues(1, 1, 1_000_000, 0, 1, 10);
        new Label(box, SWT.NONE).setText(Messages.get("lines.discount"));
        discount = Widgets.id(new Spinner(box, SWT.BORDER), "lines.discount");
        discount.setValues(0, 0, 10_000, 2, 50, 500);
        Button add = Widgets.id(new Button(box, SWT.PUSH), "lines.add");
        add.setText(Messages.get("lines.add"));
        add.addListener(SWT.Selection, e -> addLine());
        Button remove = Widgets.id(new Button(box, SWT.PUSH), "lines.remove");
        remove.setText(Messages.get("lines.remove"));
        remove.addListener(SWT.Selection, e -> removeLine());

        viewer = Toolbar.table(box, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, "lines.table");
        Table table = viewer.getTable();
        GridDataFactory.fillDefaults().grab(true, true).span(8, 1).hint(SWT.DEFAULT, 200).applyTo(table);
        column(Messages.get("lines.col.sku"), 90, SWT.LEFT, l -> l.product.getSku());
        column(Messages.get("lines.col.product"), 170, SWT.LEFT, l -> l.product.getName());
        column(Messages.get("lines.col.quantity"), 70, SWT.RIGHT, l -> plain(l.quantity));
        column(Messages.get("lines.col.listPrice"), 90, SWT.RIGHT, l -> money(l.listPrice));
        column(Messages.get("lines.col.discount"), 70, SWT.RIGHT, l -> l.discount.signum() == 0 ? "" : plain(l.discount) + " %");
        column(Messages.get("lines.col.unitPrice"), 90, SWT.RIGHT, l -> money(l.unitPrice()));
        column(Messages.get("lines.col.amount"), 100, SWT.RIGHT, l -> money(l.amount()));
        if (availability != null) {
            TableViewerColumn atp = new TableViewerColumn(viewer, SWT.RIGHT);
            atp.getColumn().setText(Messages.get("lines.col.available"));
            atp.getColumn().setWidth(110);
            atp.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    Availability a = available.get(((Line) element).product.getId());
                    return a == null ? "" : !a.tracked() ? Messages.get("lines.notStocked") : plain(a.available());
                }

                @Override
                public Color getForeground(Object element) {
                    Availability a = available.get(((Line) element).product.getId());
                    return a != null && !a.ok() ? table.getDisplay().getSystemColor(SWT.COLOR_RED) : null;
                }
            });
        }
        total = Widgets.id(new Label(box, SWT.RIGHT), "lines.total");
        GridDataFactory.fillDefaults().grab(true, false).span(8, 1).applyTo(total);
        viewer.setInput(lines);
        refresh();
    }

    private void column(String title, int width, int align, Function<Line, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, align);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Line) element);
            }
        });
    }

    private void addLine() {
        int i = product.getSelectionIndex();
        if (i < 0) {
            return;
        }
        Product p = products.get(i);
        BigDecimal qty = BigDecimal.valueOf(quantity.getSelection());
        BigDecimal pct = BigDecimal.valueOf(discount.getSelection(), 2);
        lines.add(new Line(p, qty, listPrice.apply(p, qty), pct));
        refresh();
    }

    private void removeLine() {
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (selected != null) {
            lines.remove(selected);
            refresh();
        }
    }

    /** Re-reads availability and totals after any change. */
    void refresh() {
        available.clear();
        if (availability != null && !lines.isEmpty()) {
            Map<Long, BigDecimal> wanted = new LinkedHashMap<>();
            lines.forEach(l -> wanted.merge(l.product.getId(), l.quantity, BigDecimal::add));
            availability.apply(wanted).forEach(a -> available.put(a.productId(), a));
        }
        viewer.refresh();
        BigDecimal sum = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long short_ = available.values().stream().filter(a -> !a.ok()).count();
        total.setText(Messages.get("lines.total", lines.size(), money(sum))
                + (short_ > 0 ? "   " + Messages.get("lines.short", short_) : ""));
        total.setForeground(short_ > 0 ? total.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
        total.getParent().layout();
        onChange.run();
    }

    void setLines(List<? extends PricedLine> existing) {
        lines.clear();
        for (PricedLine l : existing) {
            lines.add(new Line(l.getProduct(), l.getQuantity(), l.getListPrice() != null ? l.getListPrice() : l.getUnitPrice(),
                    l.getDiscountPct()));
        }
        refresh();
    }

    List<Line> lines() {
        return lines;
    }

    /** Whether some product is short (orders only). */
    boolean anyShort() {
        return available.values().stream().anyMatch(a -> !a.ok());
    }

    void onChange(Runnable r) {
        onChange = r;
    }

    /** The columns of stored quote or order lines, for the detail below a list. */
    static void columns(TableViewer viewer) {
        Columns.add(viewer, PricedLine.class, Messages.get("lines.col.sku"), 90, l -> l.getProduct().getSku());
        Columns.add(viewer, PricedLine.class, Messages.get("lines.col.product"), 200, l -> l.getProduct().getName());
        Columns.add(viewer, PricedLine.class, Messages.get("lines.col.quantity"), 70, l -> plain(l.getQuantity()));
        Columns.add(viewer, PricedLine.class, Messages.get("lines.col.listPrice"), 90, l -> money(l.getListPrice()));
        Columns.add(viewer, PricedLine.class, Messages.get("lines.col.discount"), 70,
                l -> l.getDiscountPct().signum() == 0 ? "" : plain(l.getDiscountPct()) + " %");
        Columns.add(viewer, PricedLine.class, Messages.get("lines.col.unitPrice"), 90, l -> money(l.getUnitPrice()));
        Columns.add(viewer, PricedLine.class, Messages.get("lines.col.amount"), 100, l -> money(l.getAmount()));
        for (int i = 2; i < 7; i++) {
            viewer.getTable().getColumn(i).setAlignment(SWT.RIGHT);
        }
    }

    static String money(BigDecimal amount) {
        return org.guanxi.ui.common.Formats.money(amount);
    }

    static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }
}
