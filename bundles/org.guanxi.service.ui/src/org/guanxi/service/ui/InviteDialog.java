package org.guanxi.service.ui;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.core.model.Segment;
import org.guanxi.ui.common.FormDialog;
import org.guanxi.ui.common.Widgets;

/** Which segment's customers are invited by e-mail to a survey. */
final class InviteDialog extends FormDialog {

    private final String intro;
    private final List<Segment> segments;
    private Combo segment;
    private Segment chosen;

    InviteDialog(Shell shell, String intro, List<Segment> segments) {
        super(shell, 2);
        this.intro = intro;
        this.segments = segments;
    }

    @Override
    protected String title() {
        return Messages.get("satisfaction.invite");
    }

    @Override
    protected void fill(Composite area) {
        Label text = new Label(area, SWT.WRAP);
        text.setText(intro);
        GridDataFactory.fillDefaults().span(2, 1).hint(460, SWT.DEFAULT).applyTo(text);
        Fields.label(area, "calls.new.segment");
        segment = Widgets.id(new Combo(area, SWT.READ_ONLY), "invite.segment");
        segments.forEach(s -> segment.add(s.getName()));
        segment.select(0);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(segment);
    }

    @Override
    protected void okPressed() {
        chosen = segments.get(segment.getSelectionIndex());
        super.okPressed();
    }

    Segment chosen() {
        return chosen;
    }
}
