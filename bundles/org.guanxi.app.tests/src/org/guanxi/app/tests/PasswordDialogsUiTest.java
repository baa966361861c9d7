package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.app.IdleLock;
import org.guanxi.app.Messages;
import org.guanxi.app.dialogs.ChangePasswordDialog;
import org.guanxi.core.service.SecurityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A person's own password in the workbench: changing it, and unlocking a desktop left idle. */
class PasswordDialogsUiTest {

    private final SecurityService security = Ui.service(SecurityService.class);

    @AfterEach
    void backToTheOsUser() {
        security.signInAsProcess();
    }

    @Test
    void aPersonChangesTheirPasswordAndIsToldWhatIsWrong() {
        security.createUser("rep.sun", "Sun Li", "Chun-2026".toCharArray(), "SALES");
        assertTrue(security.login("rep.sun", "Chun-2026".toCharArray()));
        ChangePasswordDialog dialog = new ChangePasswordDialog(Ui.mainShell(), security);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        Text[] fields = Ui.editableTexts(shell);
        fields[0].setText("Chun-2026");
        fields[1].setText("short");
        fields[2].setText("short");
        Ui.click(Ui.button(shell, IDialogConstants.OK_LABEL));
        assertFalse(shell.isDisposed(), "a password that is too short is refused");
        assertTrue(dialog.getMessage().contains("8"), dialog.getMessage());
        Ui.screenshot(shell, "change-password-refused");

        fields[0].setText("Chun-2026");
        fields[1].setText("Xia-2027!");
        fields[2].setText("Xia-2027!");
        Ui.click(Ui.button(shell, IDialogConstants.OK_LABEL));
        assertTrue(shell.isDisposed());
        security.signInAsProcess();
        assertFalse(security.login("rep.sun", "Chun-2026".toCharArray()));
        assertTrue(security.login("rep.sun", "Xia-2027!".toCharArray()));
    }

    @Test
    void anIdleDesktopHidesItsWindowsUntilThePasswordIsGiven() {
        security.createUser("agent.zhao", "Zhao Min", "Qiu-2026!".toCharArray(), "SERVICE");
        assertTrue(security.login("agent.zhao", "Qiu-2026!".toCharArray()));
        Shell main = Ui.mainShell();
        Display display = main.getDisplay();
        List<String> seen = new ArrayList<>();
        boolean[] left = { false };
        // the lock screen runs its own event loop: it is answered from a timer inside that loop
        Runnable[] answer = new Runnable[1];
        answer[0] = () -> {
            Shell lock = lockScreen(display);
            if (lock == null) {
                display.timerExec(100, answer[0]);
                return;
            }
            seen.add("main window visible: " + main.isVisible());
            Ui.screenshot(lock, "idle-lock");
            Text password = Ui.editableTexts(lock)[0];
            password.setText("wrong");
            Ui.click(Ui.button(lock, Messages.get("lock.unlock")));
            seen.add("open after a wrong password: " + !lock.isDisposed());
            password.setText("Qiu-2026!");
            Ui.click(Ui.button(lock, Messages.get("lock.unlock")));
            seen.add("open after the right one: " + !lock.isDisposed());
        };
        display.timerExec(100, answer[0]);
        IdleLock idle = new IdleLock(display, security, Duration.ofMillis(400), () -> left[0] = true);
        idle.install();
        try {
            Ui.waitUntil("the desktop locked and unlocked", 60, () -> seen.size() == 3);
        } finally {
            idle.uninstall();
        }
        assertEquals(List.of("main window visible: false", "open after a wrong password: true",
                "open after the right one: false"), seen);
        assertTrue(main.isVisible(), "the windows are back");
        assertFalse(left[0]);
    }

    private static Shell lockScreen(Display display) {
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && s.isVisible() && Messages.get("lock.title").equals(s.getText())) {
                return s;
            }
        }
        return null;
    }
}
