package org.guanxi.service.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.guanxi.service.api.CallCentre;
import org.guanxi.service.api.IvrMenu;
import org.guanxi.service.api.IvrMenu.Node;
import org.guanxi.service.api.IvrMenu.Step;
import org.guanxi.core.service.ValidationException;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;

/**
 * The IVR menu (语音导航) as its text, saved by an administrator, and a phone keypad that walks the text being
 * edited, saved or not: what the caller hears after each key, and the queue the call lands in.
 */
final class IvrTab {

    private static final String KEYS = "123456789*0#";

    private final CallCentre calls;
    private final Map<String, String> queueNames;
    private final Text editor;
    private final Label problems;
    private final Text heard;
    private final Label pressed;
    private String keys = "";

    IvrTab(Composite page, CallCentre calls, Map<String, String> queueNames) {
        this.calls = calls;
        this.queueNames = queueNames;
        GridLayoutFactory.swtDefaults().margins(8, 8).applyTo(page);
        SashForm sash = new SashForm(page, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);

        Group text = new Group(sash, SWT.NONE);
        text.setText(Messages.get("ivr.menu"));
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(text);
        editor = Widgets.id(new Text(text, SWT.BORDER | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL), "ivr.editor");
        FontData mono = new FontData("Monospace", editor.getFont().getFontData()[0].getHeight(), SWT.NORMAL);
        Font font = new Font(editor.getDisplay(), mono);
        editor.setFont(font);
        editor.addDisposeListener(e -> font.dispose());
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(editor);
        editor.addListener(SWT.Modify, e -> restart());
        problems = Widgets.id(new Label(text, SWT.WRAP), "ivr.problems");
        problems.setForeground(page.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(300, SWT.DEFAULT).applyTo(problems);
        Widgets.button(text, "ivr.save", Messages.get("ivr.save"), this::save);
        Widgets.button(text, "ivr.revert", Messages.get("ivr.revert"), this::load);

        Group phone = new Group(sash, SWT.NONE);
        phone.setText(Messages.get("ivr.simulator"));
        GridLayoutFactory.swtDefaults().numColumns(3).equalWidth(true).applyTo(phone);
        heard = Widgets.id(new Text(phone, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL), "ivr.heard");
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(SWT.DEFAULT, 200).applyTo(heard);
        pressed = Widgets.id(new Label(phone, SWT.NONE), "ivr.pressed");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(pressed);
        for (char k : KEYS.toCharArray()) {
            Button b = Widgets.button(phone, "ivr.key." + k, String.valueOf(k), () -> press(k));
            GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 34).applyTo(b);
        }
        Button again = Widgets.button(phone, "ivr.restart", Messages.get("ivr.restart"), this::restart);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(again);
        sash.setWeights(55, 45);
        load();
    }

    private void load() {
        try {
            editor.setText(calls.ivr().text());
        } catch (RuntimeException e) {
            Errors.show(editor.getShell(), e);
        }
    }

    private void save() {
        try {
            calls.saveIvr(editor.getText());
            MessageDialog.openInformation(editor.getShell(), Messages.get("ivr.menu"), Messages.get("ivr.saved"));
        } catch (ValidationException e) {
            problems.setText(e.getErrors().stream().map(er -> er.message()).collect(Collectors.joining("\n")));
            problems.getParent().layout();
        } catch (RuntimeException e) {
            Errors.show(editor.getShell(), e);
        }
    }

    private void restart() {
        keys = "";
        walk();
    }

    private void press(char key) {
        keys += key;
        walk();
    }

    /** Walks the menu being edited with the keys so far and says what the caller hears. */
    private void walk() {
        IvrMenu menu;
        try {
            menu = IvrMenu.parse(editor.getText(), queueNames::containsKey);
            problems.setText("");
        } catch (ValidationException e) {
            problems.setText(e.getErrors().stream().map(er -> er.message()).collect(Collectors.joining("\n")));
            heard.setText("");
            pressed.setText("");
            problems.getParent().layout();
            return;
        }
        Locale locale = Locale.getDefault();
        IvrMenu.Walk walk = menu.walk(keys);
        StringBuilder out = new StringBuilder(Messages.get("ivr.welcome")).append('\n');
        for (Step s : walk.steps()) {
            out.append("[").append(s.key()).append("] ").append(switch (s.action()) {
                case CHOSE -> s.node().prompt(locale);
                case ROUTED -> s.node().prompt(locale);
                case BACK -> Messages.get("ivr.back");
                case REPEAT -> Messages.get("ivr.repeat");
                case INVALID -> Messages.get("ivr.invalid");
                case OPERATOR -> Messages.get("ivr.operator");
            }).append('\n');
        }
        if (walk.routed()) {
            out.append("\n→ ").append(Messages.get("ivr.routed", queueNames.getOrDefault(walk.queue(), walk.queue())));
        } else {
            out.append('\n');
            List<Node> options = walk.options(menu);
            options.forEach(n -> out.append(Messages.get("ivr.option", n.key(), n.prompt(locale))).append('\n'));
            if (!walk.path().isEmpty()) {
                out.append(Messages.get("ivr.option", '*', Messages.get("ivr.back"))).append('\n');
            }
        }
        heard.setText(out.toString());
        pressed.setText(Messages.get("ivr.keys", keys.isEmpty() ? "—" : keys));
        problems.getParent().layout();
        pressed.getParent().layout();
    }
}
