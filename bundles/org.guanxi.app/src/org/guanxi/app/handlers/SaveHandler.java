package org.guanxi.app.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/** Saves the active editor (Ctrl+S). */
public class SaveHandler {

    @CanExecute
    boolean canExecute(@Optional @Named("e4ActivePart") MPart part) {
        return part != null && part.isDirty();
    }

    @Execute
    void execute(@Named("e4ActivePart") MPart part, EPartService parts) {
        parts.savePart(part, false);
    }
}
