package org.guanxi.integration.ui;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.ui.common.Widgets;

/** Shows a parked message's content for correction before it is sent again; the error stands above it. */
final class PayloadDialog extends TitleAreaDialog {

    private static final Texts TEXTS = Texts.of(PayloadDialog.class);

    private final OutboxMessage message;
    private Text text;
    private String payload;

    PayloadDialog(Shell parent, OutboxMessage message) {
        super(parent);
        this.message = message;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        getShell().setText(TEXTS.get("payload.title", message.getIdempotencyKey()));
        setTitle(TEXTS.get("payload.heading", message.getIdempotencyKey()));
        setMessage(message.getLastError() == null ? "" : message.getLastError(), org.eclipse.jface.dialogs.IMessageProvider.ERROR);
        Composite area = (Composite) super.createDialogArea(parent);
        text = Widgets.id(new Text(area, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL), "integration.payload");
        text.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        text.setText(message.getPayload());
        GridDataFactory.fillDefaults().grab(true, true).indent(10, 10).applyTo(text);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, TEXTS.get("payload.send"), true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(860, 620);
    }

    @Override
    protected void okPressed() {
        payload = text.getText();
        super.okPressed();
    }

    String payload() {
        return payload;
    }
}
