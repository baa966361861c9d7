package org.guanxi.app.handlers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.dialogs.PreferencesDialog;
import org.guanxi.ui.common.PreferenceSection;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** File → Preferences: the application's settings and the sections of the modules installed (OSGi services). */
public class PreferencesHandler {

    @Execute
    void execute(Shell shell) throws InvalidSyntaxException {
        BundleContext bundles = FrameworkUtil.getBundle(PreferencesHandler.class).getBundleContext();
        List<ServiceReference<PreferenceSection>> references = new ArrayList<>(
                bundles.getServiceReferences(PreferenceSection.class, null));
        List<PreferenceSection> sections = new ArrayList<>();
        try {
            for (ServiceReference<PreferenceSection> reference : references) {
                PreferenceSection section = bundles.getService(reference);
                if (section != null) {
                    sections.add(section);
                }
            }
            sections.sort(Comparator.comparingInt(PreferenceSection::rank));
            new PreferencesDialog(shell, sections).open();
        } finally {
            references.forEach(bundles::ungetService);
        }
    }
}
