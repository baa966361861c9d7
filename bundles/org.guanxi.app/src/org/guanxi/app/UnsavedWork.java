package org.guanxi.app;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * No edit is lost on the way out: File → Exit, Ctrl+Q and the window's close button ask what to do with unsaved
 * editors — save, don't save, or cancel. The e4 workbench's own prompt is English only and File → Exit skipped it.
 */
public class UnsavedWork {

    /** The answers, in the order of the dialog's buttons. */
    enum Answer { SAVE, DISCARD, CANCEL }

    @Inject
    private MApplication app;

    /** Once the windows exist, their close button asks too. */
    @Inject
    @Optional
    void onStarted(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        for (MWindow window : app.getChildren()) {
            window.getContext().set(IWindowCloseHandler.class,
                    w -> mayClose((Shell) w.getWidget(), w.getContext().get(EPartService.class)));
        }
    }

    /**
     * Asks about the unsaved editors, if any, and saves them when told to. True when the window may close: nothing
     * was unsaved, every editor saved, or the user chose not to save. An editor whose save fails (a rule broken,
     * someone else's change) stays open and dirty, and nothing closes.
     */
    public static boolean mayClose(Shell shell, EPartService parts) {
        Collection<MPart> dirty = parts.getDirtyParts();
        if (dirty.isEmpty()) {
            return true;
        }
        switch (ask(shell, dirty)) {
        case SAVE:
            for (MPart part : List.copyOf(dirty)) {
                if (!parts.savePart(part, false) || part.isDirty()) {
                    parts.activate(part);
                    return false;
                }
            }
            return true;
        case DISCARD:
            return true;
        default:
            return false;
        }
    }

    private static Answer ask(Shell shell, Collection<MPart> dirty) {
        String names = dirty.stream().map(p -> "• " + p.getLocalizedLabel().replaceFirst("^\\*", ""))
                .collect(Collectors.joining("\n"));
        MessageDialog dialog = new MessageDialog(shell, Messages.get("unsaved.title"), null,
                Messages.get("unsaved.text", dirty.size(), names), MessageDialog.QUESTION, 0, Messages.get("unsaved.save"),
                Messages.get("unsaved.discard"), IDialogConstants.CANCEL_LABEL);
        int button = dialog.open();
        // closing the dialog with Esc or its close box (-1) means cancel
        return button < 0 || button >= Answer.values().length ? Answer.CANCEL : Answer.values()[button];
    }
}
