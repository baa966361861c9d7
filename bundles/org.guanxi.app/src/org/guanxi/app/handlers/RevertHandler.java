package org.guanxi.app.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.guanxi.ui.common.Revertable;

import jakarta.inject.Named;

/** Throws away the unsaved changes of the active editor. */
public class RevertHandler {

    @CanExecute
    boolean canExecute(@Optional @Named("e4ActivePart") MPart part) {
        return part != null && part.isDirty() && part.getObject() instanceof Revertable;
    }

    @Execute
    void execute(@Named("e4ActivePart") MPart part) {
        ((Revertable) part.getObject()).revert();
    }
}
