package org.guanxi.ui.common;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** A resizable dialog whose fields sit in a grid of label / field columns; subclasses give the title and the fields. */
public abstract class FormDialog extends Dialog {

    private final int columns;

    protected FormDialog(Shell shell, int columns) {
        super(shell);
        this.columns = columns;
    }

    /** The window title. */
    protected abstract String title();

    /** Adds the fields to the grid. */
    protected abstract void fill(Composite area);

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title());
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected final Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(columns).margins(10, 10).applyTo(area);
        fill(area);
        return area;
    }
}
