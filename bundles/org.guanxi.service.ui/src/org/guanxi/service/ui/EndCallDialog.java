package org.guanxi.service.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.model.CallDirection;
import org.guanxi.core.model.CallDisposition;
import org.guanxi.service.api.CallCentre;
import org.guanxi.service.api.CallCentre.Call;
import org.guanxi.service.api.CallCentre.Ending;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.FormDialog;
import org.guanxi.ui.common.Widgets;

/**
 * The wrap-up of a call (话后处理): how it ended, whether the customer's matter is settled (first-call resolution), a
 * callback time when one was agreed, and a note. The dialog stays open with the service's message when input is wrong.
 */
final class EndCallDialog extends FormDialog {

    private static final List<CallDisposition> INBOUND = List.of(CallDisposition.COMPLETED, CallDisposition.CALLBACK,
            CallDisposition.ABANDONED);
    private static final List<CallDisposition> OUTBOUND = List.of(CallDisposition.COMPLETED, CallDisposition.CALLBACK,
            CallDisposition.NO_ANSWER, CallDisposition.BUSY, CallDisposition.REFUSED, CallDisposition.WRONG_NUMBER);

    private final CallCentre calls;
    private final Call call;
    private final Long caseId;
    private final List<CallDisposition> dispositions;
    private Combo disposition;
    private Button resolved;
    private DateTime callbackDay;
    private DateTime callbackTime;
    private Text note;
    private Call ended;

    EndCallDialog(Shell shell, CallCentre calls, Call call, Long caseId) {
        super(shell, 2);
        this.calls = calls;
        this.call = call;
        this.caseId = caseId;
        this.dispositions = call.direction() == CallDirection.IN ? INBOUND : OUTBOUND;
    }

    @Override
    protected String title() {
        return Messages.get("call.end.title", call.customerName() == null ? call.phone() : call.customerName());
    }

    @Override
    protected void fill(Composite area) {
        disposition = Fields.choice(area, "call.disposition", dispositions, CallDisposition.COMPLETED);
        disposition.addListener(SWT.Selection, e -> sync());
        new org.eclipse.swt.widgets.Label(area, SWT.NONE);
        resolved = Widgets.id(new Button(area, SWT.CHECK), "call.resolved");
        resolved.setText(Messages.get("call.resolved"));
        resolved.setSelection(call.direction() == CallDirection.IN);
        Fields.label(area, "call.callbackAt");
        Composite when = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(when);
        LocalDateTime tomorrow = AppClock.localNow().plusDays(1).withHour(10).withMinute(0);
        callbackDay = Widgets.date(when, "call.callbackDay", tomorrow.toLocalDate());
        callbackTime = Widgets.id(new DateTime(when, SWT.TIME | SWT.SHORT | SWT.BORDER), "call.callbackTime");
        callbackTime.setTime(tomorrow.getHour(), tomorrow.getMinute(), 0);
        note = Fields.area(area, "call.note", 60);
        GridDataFactory.fillDefaults().applyTo(when);
        sync();
    }

    private void sync() {
        CallDisposition d = Fields.chosen(disposition, dispositions);
        resolved.setEnabled(d == CallDisposition.COMPLETED);
        callbackDay.setEnabled(d == CallDisposition.CALLBACK);
        callbackTime.setEnabled(d == CallDisposition.CALLBACK);
    }

    @Override
    protected void okPressed() {
        CallDisposition d = Fields.chosen(disposition, dispositions);
        Instant callback = d != CallDisposition.CALLBACK ? null
                : Widgets.date(callbackDay).atTime(callbackTime.getHours(), callbackTime.getMinutes())
                        .atZone(AppClock.zone()).toInstant();
        try {
            ended = calls.end(call.id(), new Ending(d, resolved.getSelection(), caseId, note.getText(), callback));
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
            return;
        }
        super.okPressed();
    }

    Call ended() {
        return ended;
    }
}
