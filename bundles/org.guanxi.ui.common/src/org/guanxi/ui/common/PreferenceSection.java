package org.guanxi.ui.common;

import org.eclipse.swt.widgets.Composite;

/**
 * A section of File → Preferences contributed by a module as an OSGi service: the preferences dialog shows the
 * sections of the modules installed below the application's own settings, in {@link #rank()} order.
 */
public interface PreferenceSection {

    /** Place in the dialog; modules are apart by hundreds as their perspectives are. */
    int rank();

    /**
     * Creates the section's controls in the dialog's area, or returns null when the signed-in user has nothing to
     * set here. Called on the UI thread each time the dialog opens.
     */
    Page create(Composite parent);

    /** The controls of one opening of the dialog. */
    interface Page {

        /** Stores what changed; throws, with a message for the user, to keep the dialog open. */
        void save();
    }
}
