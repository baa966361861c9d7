package org.guanxi.customer.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** File → New customer (Ctrl+N): an empty customer editor. */
public class NewCustomerHandler {

    @Execute
    void execute(EPartService parts) {
        CustomerEditors.open(parts, null);
    }
}
