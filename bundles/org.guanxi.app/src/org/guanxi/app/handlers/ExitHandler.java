package org.guanxi.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.UnsavedWork;

/** File → Exit and Ctrl+Q: quits once unsaved editors are saved, or the user chose not to save them. */
public class ExitHandler {

    @Execute
    void execute(IWorkbench workbench, Shell shell, EPartService parts) {
        if (UnsavedWork.mayClose(shell, parts)) {
            workbench.close();
        }
    }
}
