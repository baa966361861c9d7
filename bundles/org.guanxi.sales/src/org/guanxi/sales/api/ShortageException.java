package org.guanxi.sales.api;

import java.util.List;
import java.util.stream.Collectors;
import org.guanxi.core.service.GuanxiException;

/** An order cannot be promised: some products are short. Carries each short product's availability. */
public class ShortageException extends GuanxiException {

    private static final long serialVersionUID = 1L;
    private final transient List<OrderService.Availability> shortages;

    public ShortageException(List<OrderService.Availability> shortages) {
        super("error.shortage");
        this.shortages = List.copyOf(shortages);
    }

    public List<OrderService.Availability> getShortages() {
        return shortages;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + "\n" + shortages.stream()
                .map(a -> "• " + texts().get("error.shortage.line", a.sku(), a.requested().stripTrailingZeros().toPlainString(),
                        a.available().stripTrailingZeros().toPlainString()))
                .collect(Collectors.joining("\n"));
    }
}
