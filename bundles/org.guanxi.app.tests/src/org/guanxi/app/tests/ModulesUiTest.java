package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.app.Perspectives;
import org.guanxi.app.dialogs.PreferencesDialog;
import org.guanxi.core.db.Database;
import org.guanxi.ui.common.PreferenceSection;
import org.guanxi.updates.Installation;
import org.guanxi.updates.UpdateSite;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The workbench is assembled from the modules installed: the application model and bundle name none of them, each
 * module's fragment brings its perspectives, the Window menu lists what is there, preferences come from the modules.
 */
class ModulesUiTest {

    private static final Pattern MODULE = Pattern.compile("org\\.guanxi\\.(customer|sales|marketing|service|integration|demo|analytics)");

    private final BundleContext bundles = FrameworkUtil.getBundle(ModulesUiTest.class).getBundleContext();

    @Test
    void theApplicationNamesNoModule() throws IOException {
        Bundle app = FrameworkUtil.getBundle(Perspectives.class);
        try (InputStream in = app.getEntry("Application.e4xmi").openStream()) {
            String model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(MODULE.matcher(model).find(), "Application.e4xmi names a module");
        }
        // the test fragment adds its own imports to the host's headers at run time, so read the host's manifest file
        try (InputStream in = app.getEntry("META-INF/MANIFEST.MF").openStream()) {
            String manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(MODULE.matcher(manifest).find(), "org.guanxi.app depends on a module:\n" + manifest);
        }
    }

    @Test
    void eachModuleBringsItsPerspectivesInItsPlace() {
        List<MPerspective> installed = installed();
        List<String> ids = installed.stream().map(MPerspective::getElementId).toList();
        for (String module : List.of("customer", "sales", "marketing", "service", "integration")) {
            assertTrue(ids.stream().anyMatch(id -> id.startsWith("org.guanxi." + module + ".ui.perspective.")), module + " in " + ids);
        }
        assertEquals("org.guanxi.customer.ui.perspective.customers", ids.get(0), "the customer list comes first");
        List<MPerspective> byRank = new ArrayList<>(installed);
        byRank.sort(Comparator.comparingInt(Perspectives::rank));
        assertEquals(byRank, installed, "ordered by rank, whatever order the bundles were read in");
        for (MPerspective p : installed) {
            assertFalse(p.getLocalizedLabel().startsWith("%"), "label of " + p.getElementId() + " is translated");
            assertTrue(Perspectives.rank(p) < Integer.MAX_VALUE, p.getElementId() + " has a rank");
        }
    }

    @Test
    void theWindowMenuListsWhatIsInstalled() {
        Shell main = Ui.mainShell();
        MenuItem window = null;
        for (MenuItem item : main.getMenuBar().getItems()) {
            if (item.getText().replace("&", "").equals("Window")) {
                window = item;
            }
        }
        assertNotNull(window, "a Window menu");
        Menu menu = window.getMenu();
        Ui.fire(menu, SWT.Show);
        Ui.pump(200);
        try {
            List<String> labels = new ArrayList<>();
            int separators = 0;
            for (MenuItem item : menu.getItems()) {
                if ((item.getStyle() & SWT.SEPARATOR) != 0) {
                    separators++;
                } else {
                    labels.add(item.getText());
                }
            }
            List<MPerspective> installed = installed();
            assertEquals(installed.stream().map(MPerspective::getLocalizedLabel).toList(), labels);
            assertEquals(installed.stream().map(Perspectives::group).distinct().count() - 1, separators,
                    "a separator between modules");
            Ui.screenshot(main, "window-menu.png");
            // an item works: the last one opens the last perspective
            MenuItem[] items = menu.getItems();
            Ui.click(items[items.length - 1]);
            Ui.pump(300);
            assertEquals(installed.get(installed.size() - 1), models().getActivePerspective(app().getChildren().get(0)));
        } finally {
            Ui.fire(menu, SWT.Hide);
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    @Test
    void marketingContributesTheMailServerToPreferences() throws Exception {
        List<ServiceReference<PreferenceSection>> references = new ArrayList<>(
                bundles.getServiceReferences(PreferenceSection.class, null));
        assertFalse(references.isEmpty(), "a module contributes a preference section");
        List<PreferenceSection> sections = references.stream().map(bundles::getService).toList();
        PreferencesDialog dialog = new PreferencesDialog(Ui.mainShell(), sections);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Text host = Ui.byId(dialog.getShell(), "prefs.mail.host");
            assertNotNull(host, "the mail server's host field");
            Ui.screenshot(dialog.getShell(), "preferences.png");
        } finally {
            dialog.close();
            references.forEach(bundles::ungetService);
        }
    }

    @Test
    void theUpdateSiteIsAFolderOrHttpsNeverPlainHttp() {
        String before = UpdateSite.text();
        try {
            assertThrows(IllegalArgumentException.class, () -> UpdateSite.save("http://updates.example.cn/guanxi"));
            UpdateSite.save("https://updates.example.cn/guanxi");
            assertEquals(java.net.URI.create("https://updates.example.cn/guanxi"), UpdateSite.configured().orElseThrow());
            UpdateSite.save("/srv/guanxi/repository");
            assertEquals("file", UpdateSite.configured().orElseThrow().getScheme());
        } finally {
            UpdateSite.save(before);
        }
    }

    @Test
    void aDesktopOfATeamWithoutASiteOfItsOwnUsesTheOneTheTeamServerAnnounced() {
        Database desktop = Ui.service(Database.class);
        Database team = new Database() { // the same data, as a team database would be
            @Override
            public <T> T inTransaction(java.util.function.Function<jakarta.persistence.EntityManager, T> work) {
                return desktop.inTransaction(work);
            }

            @Override
            public <T> T read(java.util.function.Function<jakarta.persistence.EntityManager, T> work) {
                return desktop.read(work);
            }

            @Override
            public javax.sql.DataSource dataSource() {
                return desktop.dataSource();
            }

            @Override
            public String describe() {
                return desktop.describe();
            }

            @Override
            public boolean shared() {
                return true;
            }

            @Override
            public int schemaVersion() {
                return desktop.schemaVersion();
            }
        };
        org.guanxi.core.service.AuditLog audit = Ui.service(org.guanxi.core.service.AuditLog.class);
        String before = UpdateSite.text();
        try {
            UpdateSite.save("");
            // the team server starts with updates.site in its deployment (-Dguanxi.updates.site stands for the file)
            System.setProperty("guanxi.updates.site", "https://updates.example.cn/team");
            assertEquals("https://updates.example.cn/team", desktop.jdbcTransaction(c -> UpdateSite.announce(c, audit)));
            System.clearProperty("guanxi.updates.site");
            assertEquals(java.net.URI.create("https://updates.example.cn/team"), UpdateSite.configured(team).orElseThrow());
            assertEquals("https://updates.example.cn/team", desktop.jdbc(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT NEW_VALUE FROM AUDIT_LOG "
                        + "WHERE ENTITY = 'UpdateSite' ORDER BY ID DESC")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }), "where every desktop installs code from is in the audit trail");
            assertTrue(UpdateSite.configured(desktop).isEmpty(), "a single desktop has no team server to listen to");
            UpdateSite.save("/srv/guanxi/repository");
            assertEquals("file", UpdateSite.configured(team).orElseThrow().getScheme(), "a site set in Preferences comes first");
            UpdateSite.save("");
            System.setProperty("guanxi.updates.site", "http://updates.example.cn/team");
            assertEquals("", desktop.jdbcTransaction(c -> UpdateSite.announce(c, audit)),
                    "the server does not announce a site anyone on the way could replace");
            System.clearProperty("guanxi.updates.site");
            assertTrue(UpdateSite.configured(team).isEmpty(), "and takes back the one it announced");
            System.setProperty("guanxi.updates.site", "https://updates.example.cn/team");
            desktop.jdbcTransaction(c -> UpdateSite.announce(c, audit));
            System.clearProperty("guanxi.updates.site");
            assertEquals("", desktop.jdbcTransaction(c -> UpdateSite.announce(c, audit)), "a server without the setting takes it back");
            assertTrue(UpdateSite.configured(team).isEmpty());
        } finally {
            System.clearProperty("guanxi.updates.site");
            UpdateSite.save(before);
        }
    }

    @Test
    void outsideAP2InstallationTheModuleCommandsSaySo() {
        // the test runtime was not installed by p2: no profile to change, and a clear reason instead of a crash
        IllegalStateException e = assertThrows(IllegalStateException.class, Installation::current);
        assertTrue(e.getMessage().contains("p2"), e.getMessage());
    }

    private static MApplication app() {
        BundleContext bc = FrameworkUtil.getBundle(ModulesUiTest.class).getBundleContext();
        return bc.getService(bc.getServiceReference(IWorkbench.class)).getApplication();
    }

    private static EModelService models() {
        return app().getContext().get(EModelService.class);
    }

    private static List<MPerspective> installed() {
        return Perspectives.installed(app(), models());
    }
}
