package org.guanxi.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.guanxi.customer.ui.CustomerEditors;

public class NewCustomerHandler {

    @Execute
    void execute(EPartService parts) {
        CustomerEditors.open(parts, null);
    }
}
