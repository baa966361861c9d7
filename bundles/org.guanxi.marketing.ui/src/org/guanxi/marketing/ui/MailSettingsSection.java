package org.guanxi.marketing.ui;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.model.Permission;
import org.guanxi.marketing.api.CampaignService;
import org.guanxi.marketing.api.CampaignService.MailSettings;
import org.guanxi.core.service.SecurityService;
import org.guanxi.ui.common.PreferenceSection;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Marketing's part of File → Preferences: the mail server campaigns are sent through, shared by every user and
 * changed only by an administrator.
 */
@Component
public class MailSettingsSection implements PreferenceSection {

    private final CampaignService campaigns;
    private final SecurityService security;

    @Activate
    public MailSettingsSection(@Reference CampaignService campaigns, @Reference SecurityService security) {
        this.campaigns = campaigns;
        this.security = security;
    }

    @Override
    public int rank() {
        return 300;
    }

    @Override
    public Page create(Composite parent) {
        boolean admin = security.hasPermission(Permission.USER_ADMIN);
        MailSettings mail = campaigns.mailSettings();
        Group g = new Group(parent, SWT.NONE);
        g.setText(Messages.get("prefs.mail"));
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(g);
        GridDataFactory.fillDefaults().grab(true, false).indent(0, 8).applyTo(g);
        Text host = text(g, "prefs.mail.host", mail.host(), 3);
        new Label(g, SWT.NONE).setText(Messages.get("prefs.mail.port"));
        Spinner port = spinner(g, "prefs.mail.port", mail.port(), 65535);
        Button startTls = Widgets.id(new Button(g, SWT.CHECK), "prefs.mail.startTls");
        startTls.setText(Messages.get("prefs.mail.startTls"));
        startTls.setSelection(mail.startTls());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(startTls);
        Text user = text(g, "prefs.mail.user", mail.username(), 3);
        Text from = text(g, "prefs.mail.from", mail.fromAddress(), 3);
        Text fromName = text(g, "prefs.mail.fromName", mail.fromName(), 3);
        new Label(g, SWT.NONE).setText(Messages.get("prefs.mail.perMinute"));
        Spinner perMinute = spinner(g, "prefs.mail.perMinute", mail.perMinute(), 100_000);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(perMinute);
        Label hint = new Label(g, SWT.WRAP);
        hint.setText(Messages.get(admin ? "prefs.mail.password" : "prefs.mail.adminOnly"));
        GridDataFactory.fillDefaults().span(4, 1).hint(540, SWT.DEFAULT).applyTo(hint);
        for (Control w : new Control[] { host, port, startTls, user, from, fromName, perMinute }) {
            w.setEnabled(admin);
        }
        return () -> {
            MailSettings changed = new MailSettings(host.getText(), port.getSelection(), startTls.getSelection(),
                    user.getText(), from.getText(), fromName.getText(), perMinute.getSelection());
            if (admin && !changed.equals(mail)) {
                campaigns.saveMailSettings(changed);
            }
        };
    }

    private static Text text(Composite g, String key, String value, int span) {
        new Label(g, SWT.NONE).setText(Messages.get(key));
        Text t = Widgets.id(new Text(g, SWT.BORDER), key);
        t.setText(value == null ? "" : value);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(t);
        return t;
    }

    private static Spinner spinner(Composite g, String id, int value, int max) {
        Spinner s = Widgets.id(new Spinner(g, SWT.BORDER), id);
        s.setValues(value, 1, max, 0, 1, 10);
        return s;
    }
}
