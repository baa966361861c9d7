package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

/**
 * The data-quality perspective on the demo base: completeness, duplicates, a side-by-side merge through the dialog,
 * and its undo.
 */
class DataQualityUiTest {

    @Test
    void findDuplicatesMergeAPairAndUndoTheMerge() throws Exception {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.customer.ui.perspective.quality");
        try {
            check(shell);
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    private static void check(Shell shell) throws Exception {
        Button checkButton = Ui.await(shell, "quality.check");
        Label completeness = Ui.byId(shell, "quality.completeness");
        Ui.click(checkButton);
        Ui.waitUntil("the completeness check", 60, () -> checkButton.isEnabled() && completeness.getText().contains("average score"));

        Button find = Ui.byId(shell, "quality.find");
        Label found = Ui.byId(shell, "quality.found");
        Table candidates = Ui.byId(shell, "quality.candidates");
        Ui.click(find);
        Ui.waitUntil("the duplicate search", 60, () -> find.isEnabled() && found.getText().contains("pairs"));
        assertTrue(candidates.getItemCount() > 0, "the demo base has duplicates: " + found.getText());
        // any list exports what it shows
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("candidates", ".csv");
        assertEquals(candidates.getItemCount(), org.guanxi.ui.common.TableExport.write(candidates, csv, "duplicates"));
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertEquals(candidates.getItemCount() + 1, lines.size());
        assertTrue(lines.get(1).startsWith(candidates.getItem(0).getText(0) + ","), lines.get(1));
        Ui.screenshot(shell, "data-quality.png");

        // the merge dialog is modal: it is answered from the event loop while it is open
        Display display = shell.getDisplay();
        boolean[] answered = { false };
        display.timerExec(800, () -> {
            Shell dialog = Arrays.stream(display.getShells()).filter(s -> s != shell && s.isVisible()).findFirst().orElseThrow();
            Ui.screenshot(dialog, "merge-dialog.png");
            Ui.click(Ui.byId(dialog, "merge.ok"));
            answered[0] = true;
        });
        candidates.setSelection(0);
        Ui.click(Ui.byId(shell, "quality.compare"));
        Ui.waitUntil("the merge dialog to be answered", 30, () -> answered[0]);

        Table merges = Ui.byId(shell, "quality.merges");
        Ui.showPerspective("org.guanxi.customer.ui.perspective.quality");
        Ui.waitUntil("the merge to be listed", 10, () -> merges.getItemCount() == 1);
        Ui.screenshot(shell, "merge-pending.png");
        merges.setSelection(0);
        Ui.click(Ui.byId(shell, "quality.undo"));
        Ui.waitUntil("the merge to be undone", 10, () -> merges.getItemCount() == 0);
        assertEquals(0, merges.getItemCount());
    }
}
