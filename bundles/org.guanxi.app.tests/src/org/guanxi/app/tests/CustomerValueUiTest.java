package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.ui.common.ChartCanvas;
import org.junit.jupiter.api.Test;

/** The customer value perspective: run the analysis as a job and see its figures and four charts. */
class CustomerValueUiTest {

    @Test
    void runningTheAnalysisFillsTheSummaryAndTheCharts() {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.customer.ui.perspective.value");
        try {
            check(shell);
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    private static void check(Shell shell) {
        Button run = Ui.await(shell, "value.run");
        Label summary = Ui.byId(shell, "value.summary");
        Ui.waitUntil("demo data", 90, () -> !summary.getText().isEmpty());
        Ui.click(run);
        Ui.waitUntil("the analysis job to finish", 60, () -> run.isEnabled() && summary.getText().startsWith("Analysis of"));
        assertTrue(summary.getText().contains("customers as of"), summary.getText());
        for (String id : new String[] { "value.chart.pyramid", "value.chart.matrix", "value.chart.lifecycle", "value.chart.rfm" }) {
            ChartCanvas chart = Ui.byId(shell, id);
            assertNotNull(chart, id);
            assertTrue(chart.getSize().x > 100 && chart.getSize().y > 100, id + " is laid out: " + chart.getSize());
        }
        Ui.screenshot(shell, "customer-value.png");
    }
}
