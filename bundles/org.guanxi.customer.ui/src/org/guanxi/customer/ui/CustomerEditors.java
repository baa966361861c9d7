package org.guanxi.customer.ui;

import java.util.Objects;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Opens customer editors: one per customer, a new one for each new customer. */
public final class CustomerEditors {

    public static final String DESCRIPTOR = "org.guanxi.customer.ui.partdescriptor.editor";
    static final String CUSTOMER_ID = "org.guanxi.customer.id";

    private CustomerEditors() {
    }

    /** Shows the editor of customer {@code id}, or of a new customer when {@code id} is null. */
    public static MPart open(EPartService parts, Long id) {
        if (id != null) {
            for (MPart p : parts.getParts()) {
                if (DESCRIPTOR.equals(p.getElementId()) && Objects.equals(id, p.getTransientData().get(CUSTOMER_ID))) {
                    parts.showPart(p, PartState.ACTIVATE);
                    return p;
                }
            }
        }
        MPart part = parts.createPart(DESCRIPTOR);
        part.getTransientData().put(CUSTOMER_ID, id);
        MPart shown = parts.showPart(part, PartState.VISIBLE);
        // the editor stack is hidden while it holds no editor
        if (shown.getParent() != null && !shown.getParent().isVisible()) {
            shown.getParent().setVisible(true);
        }
        parts.activate(shown);
        return shown;
    }
}
