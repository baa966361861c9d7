package org.guanxi.app.dialogs;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.guanxi.app.Messages;
import org.guanxi.ui.common.Widgets;
import org.guanxi.updates.Installation;
import org.guanxi.updates.Installation.Module;

/**
 * Help → Install / remove modules: the modules of the update site and of this installation, a tick for each one
 * that should be installed. Apply adds and removes what changed in one p2 plan, with progress and cancel.
 */
public class ModulesDialog extends Dialog {

    private final Installation installation;
    private final URI site;
    private final List<Module> modules;
    private Table table;
    private IStatus result;

    public ModulesDialog(Shell parent, Installation installation, URI site, List<Module> modules) {
        super(parent);
        this.installation = installation;
        this.site = site;
        this.modules = modules;
    }

    /** The outcome of Apply (null when nothing was applied). */
    public IStatus result() {
        return result;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("modules.title"));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(Messages.get("modules.intro", site));
        GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(intro);
        table = Widgets.id(new Table(area, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "modules.table");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        // what a module does is said in full below the table: a column would cut it off
        for (String[] column : new String[][] { { "modules.col.module", "240" }, { "modules.col.installed", "190" },
                { "modules.col.available", "190" } }) {
            TableColumn c = new TableColumn(table, SWT.NONE);
            c.setText(Messages.get(column[0]));
            c.setWidth(Integer.parseInt(column[1]));
        }
        for (Module m : modules) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(m);
            item.setChecked(m.isInstalled());
            item.setText(new String[] { m.name(), m.installed() == null ? Messages.get("modules.notInstalled") : m.installed(),
                    m.available() == null ? Messages.get("modules.notOffered") : m.available() });
        }
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 240).applyTo(table);
        Label description = Widgets.id(new Label(area, SWT.WRAP), "modules.description");
        GridDataFactory.fillDefaults().grab(true, false).hint(640, convertHeightInCharsToPixels(3)).applyTo(description);
        table.addListener(SWT.Selection, e -> {
            // the platform is the application itself, and a module the site does not offer cannot be installed
            if (e.detail == SWT.CHECK && e.item instanceof TableItem item) {
                keepPossible(item);
            }
            describe(description, e.item);
        });
        Label note = new Label(area, SWT.WRAP);
        note.setText(Messages.get("modules.note"));
        GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(note);
        if (table.getItemCount() > 0) {
            table.setSelection(0);
            describe(description, table.getItem(0));
        }
        table.setFocus();
        return area;
    }

    private static void describe(Label description, Object item) {
        if (item instanceof TableItem row && row.getData() instanceof Module m) {
            description.setText(Messages.get("modules.describe", m.name(), m.description() == null ? "" : m.description()));
        }
    }

    private static void keepPossible(TableItem item) {
        Module m = (Module) item.getData();
        if (Installation.PLATFORM.equals(m.id())) {
            item.setChecked(true);
        } else if (m.available() == null && !m.isInstalled()) {
            item.setChecked(false);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Widgets.id(createButton(parent, IDialogConstants.OK_ID, Messages.get("modules.apply"), true), "modules.apply");
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        Set<String> add = new HashSet<>();
        Set<String> remove = new HashSet<>();
        for (TableItem item : table.getItems()) {
            Module m = (Module) item.getData();
            if (item.getChecked() && !m.isInstalled()) {
                add.add(m.id());
            } else if (!item.getChecked() && m.isInstalled()) {
                remove.add(m.id());
            }
        }
        if (add.isEmpty() && remove.isEmpty()) {
            super.okPressed();
            return;
        }
        IStatus status = Provisioning.run(getShell(), monitor -> installation.change(site, add, remove, monitor));
        if (status == null || status.getSeverity() == IStatus.CANCEL) {
            return; // cancelled: nothing changed, the choice stays on screen
        }
        if (status.getSeverity() == IStatus.ERROR) {
            Provisioning.showFailure(getShell(), status);
            return;
        }
        result = status;
        super.okPressed();
    }

    /** Runs a p2 operation under a progress dialog with a Cancel button, and says what went wrong. */
    public static final class Provisioning {

        /** A p2 operation that reports to a progress monitor. */
        public interface Operation {
            IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) throws Exception;
        }

        private Provisioning() {
        }

        public static IStatus run(Shell shell, Operation operation) {
            IStatus[] status = { null };
            try {
                new ProgressMonitorDialog(shell).run(true, true, monitor -> {
                    try {
                        status[0] = operation.run(monitor);
                    } catch (Exception e) {
                        throw new InvocationTargetException(e);
                    }
                });
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof org.eclipse.core.runtime.OperationCanceledException) {
                    return org.eclipse.core.runtime.Status.CANCEL_STATUS;
                }
                return new org.eclipse.core.runtime.Status(IStatus.ERROR, "org.guanxi.app", cause.getMessage(), cause);
            } catch (InterruptedException e) {
                return org.eclipse.core.runtime.Status.CANCEL_STATUS;
            }
            return status[0];
        }

        public static void showFailure(Shell shell, IStatus status) {
            StringBuilder text = new StringBuilder(status.getMessage() == null ? "" : status.getMessage());
            for (IStatus child : status.getChildren()) {
                text.append('\n').append(child.getMessage());
            }
            org.eclipse.jface.dialogs.MessageDialog.openError(shell, Messages.get("modules.failed"),
                    Messages.get("modules.failedText", text.toString().strip()));
        }

        /** After a change: the new modules load at the next start, so offer to restart now. */
        public static void offerRestart(Shell shell, org.eclipse.e4.ui.workbench.IWorkbench workbench) {
            if (org.eclipse.jface.dialogs.MessageDialog.openQuestion(shell, Messages.get("modules.restartTitle"),
                    Messages.get("modules.restart"))) {
                workbench.restart();
            }
        }
    }
}
