package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.db.Database;
import org.junit.jupiter.api.Test;

/**
 * Leaving the workbench never drops an edit: Exit with an unsaved editor asks save / don't save / cancel, and each
 * answer does what it says; Help → About opens.
 */
class WorkbenchCloseUiTest {

    @Test
    void exitWithAnUnsavedEditorAsksAndKeepsTheEdit() throws Exception {
        Ui.inWorkbench(WorkbenchCloseUiTest::checkExit);
    }

    @Test
    void aboutOpens() throws Exception {
        Ui.inWorkbench(shell -> {
            AtomicReference<String> seen = new AtomicReference<>();
            answerLater(shell, dialog -> {
                seen.set(dialog.getText() + "\n" + texts(dialog));
                Ui.screenshot(dialog, "about.png");
                return "OK";
            });
            execute("org.eclipse.ui.help.aboutAction");
            Ui.waitUntil("the About dialog", 20, () -> seen.get() != null);
            assertTrue(seen.get().startsWith("About Guanxi CRM"), seen.get());
            assertTrue(seen.get().contains("Data folder:") && seen.get().contains("schema V"), seen.get());
            Ui.waitUntil("the About dialog closed", 10, () -> Ui.dialogs(shell) == 0);
        });
    }

    private static void checkExit(Shell shell) throws Exception {
        Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        Table table = Ui.await(shell, "customer.table");
        Ui.waitUntil("customers in the list", 90, () -> table.getItemCount() > 3);
        String code = table.getItem(3).getText(0);
        table.setSelection(3);
        Ui.fire(table, SWT.DefaultSelection);
        Text phone = Ui.await(shell, "customer.phone");
        Ui.waitUntil("the editor shows the customer", 10, () -> !phone.getText().isEmpty());
        String saved = phone.getText();
        EPartService parts = window().getContext().get(EPartService.class);

        phone.setText("+86 10 6500 0001");
        Ui.waitUntil("the editor to be dirty", 10, () -> !parts.getDirtyParts().isEmpty());

        // File → Exit (Ctrl+Q runs the same command): Cancel keeps everything as it was
        AtomicReference<String> question = new AtomicReference<>();
        answerLater(shell, dialog -> {
            question.set(texts(dialog));
            Ui.screenshot(dialog, "exit-unsaved.png");
            return "Cancel";
        });
        execute("org.eclipse.ui.file.exit");
        Ui.waitUntil("the question", 20, () -> question.get() != null);
        assertTrue(question.get().contains("unsaved changes"), question.get());
        assertFalse(shell.isDisposed(), "still running");
        assertEquals("+86 10 6500 0001", phone.getText(), "the edit is still there");
        assertFalse(parts.getDirtyParts().isEmpty());
        assertEquals(saved, phoneInDatabase(code));

        // the window's close button asks the same: Don't save closes without writing
        IWindowCloseHandler close = window().getContext().get(IWindowCloseHandler.class);
        answerLater(shell, dialog -> "Don't save");
        assertTrue(close.close(window()), "don't save lets the window close");
        assertEquals(saved, phoneInDatabase(code));

        // Save writes the edit, then lets it close
        answerLater(shell, dialog -> "Save");
        assertTrue(close.close(window()), "save lets the window close");
        assertEquals("+86 10 6500 0001", phoneInDatabase(code));
        assertTrue(parts.getDirtyParts().isEmpty());

        // a save that fails keeps the window open and the editor dirty
        Text email = Ui.byId(shell, "customer.email");
        email.setText("not an address");
        Ui.waitUntil("the editor to be dirty", 10, () -> !parts.getDirtyParts().isEmpty());
        answerLater(shell, dialog -> "Save");
        assertFalse(close.close(window()), "an invalid editor keeps the window open");
        Label problems = Ui.byId(shell, "customer.problems");
        Ui.waitUntil("the validation message", 10, problems::isVisible);
        Ui.click(Ui.<Button>byId(shell, "customer.revert"));
        Ui.waitUntil("the editor clean", 10, () -> parts.getDirtyParts().isEmpty());
    }

    /** Answers the next dialog that opens over {@code shell} with the button the function names. */
    private static void answerLater(Shell shell, java.util.function.Function<Shell, String> answer) {
        shell.getDisplay().timerExec(300, new Runnable() {
            int tries;

            @Override
            public void run() {
                if (Ui.dialogs(shell) == 0 && tries++ < 100) {
                    shell.getDisplay().timerExec(100, this);
                    return;
                }
                Shell dialog = Ui.dialog(shell);
                Ui.click(Ui.button(dialog, answer.apply(dialog)));
            }
        });
    }

    private static String texts(Shell dialog) {
        StringBuilder all = new StringBuilder();
        collect(dialog, all);
        return all.toString();
    }

    private static void collect(org.eclipse.swt.widgets.Control c, StringBuilder out) {
        if (c instanceof Label l) {
            out.append(l.getText()).append('\n');
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                collect(child, out);
            }
        }
    }

    private static MWindow window() {
        return Ui.service(IWorkbench.class).getApplication().getChildren().get(0);
    }

    private static void execute(String command) {
        IEclipseContext context = window().getContext();
        context.get(EHandlerService.class).executeHandler(context.get(ECommandService.class).createCommand(command, null));
    }

    private static String phoneInDatabase(String code) throws SQLException {
        try (Connection c = Ui.service(Database.class).dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT PHONE FROM CUSTOMER WHERE CODE = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
