package org.guanxi.app.dialogs;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.guanxi.app.Language;
import org.guanxi.app.Messages;
import org.guanxi.core.GuanxiHome;
import org.guanxi.core.service.CampaignService;
import org.guanxi.core.service.CampaignService.MailSettings;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;

/**
 * The data folder and the UI language, both read at start-up so they apply after a restart; and the mail server that
 * campaigns are sent through, shared by every user and changed only by an administrator.
 */
public class PreferencesDialog extends Dialog {

    private final CampaignService campaigns;
    private final boolean admin;
    private Text dataDir;
    private Combo language;
    private Text smtpHost;
    private Spinner smtpPort;
    private Button startTls;
    private Text smtpUser;
    private Text fromAddress;
    private Text fromName;
    private Spinner perMinute;
    private MailSettings mail;

    public PreferencesDialog(Shell parent, CampaignService campaigns, boolean admin) {
        super(parent);
        this.campaigns = campaigns;
        this.admin = admin;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("prefs.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, SWT.DEFAULT).applyTo(c);

        new Label(c, SWT.NONE).setText(Messages.get("prefs.dataDir"));
        dataDir = new Text(c, SWT.BORDER);
        dataDir.setText(GuanxiHome.dir().toString());
        dataDir.setData("org.guanxi.id", "prefs.dataDir");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(dataDir);
        Button browse = new Button(c, SWT.PUSH);
        browse.setText(Messages.get("prefs.browse"));
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setFilterPath(dataDir.getText());
            String chosen = d.open();
            if (chosen != null) {
                dataDir.setText(chosen);
            }
        });
        if (GuanxiHome.isDirForced()) {
            dataDir.setEnabled(false);
            browse.setEnabled(false);
            Label forced = new Label(c, SWT.WRAP);
            forced.setText(Messages.get("prefs.dataDirForced"));
            GridDataFactory.fillDefaults().span(3, 1).applyTo(forced);
        }

        new Label(c, SWT.NONE).setText(Messages.get("prefs.language"));
        language = new Combo(c, SWT.READ_ONLY);
        language.setItems(Messages.get("prefs.language.system"), "简体中文", "English");
        String current = GuanxiHome.settings().getProperty(GuanxiHome.SETTING_LANGUAGE, "");
        int index = java.util.Arrays.asList(Language.CHOICES).indexOf(current);
        language.select(Math.max(0, index));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(language);

        Label note = new Label(c, SWT.WRAP);
        note.setText(Messages.get("prefs.restart"));
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 12).applyTo(note);
        if (campaigns != null) {
            mailGroup(area);
        }
        return area;
    }

    private void mailGroup(Composite area) {
        mail = campaigns.mailSettings();
        Group g = new Group(area, SWT.NONE);
        g.setText(Messages.get("prefs.mail"));
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(g);
        GridDataFactory.fillDefaults().grab(true, false).indent(0, 8).applyTo(g);
        smtpHost = text(g, "prefs.mail.host", mail.host(), 3);
        new Label(g, SWT.NONE).setText(Messages.get("prefs.mail.port"));
        smtpPort = spinner(g, "prefs.mail.port", mail.port(), 65535);
        startTls = Widgets.id(new Button(g, SWT.CHECK), "prefs.mail.startTls");
        startTls.setText(Messages.get("prefs.mail.startTls"));
        startTls.setSelection(mail.startTls());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(startTls);
        smtpUser = text(g, "prefs.mail.user", mail.username(), 3);
        fromAddress = text(g, "prefs.mail.from", mail.fromAddress(), 3);
        fromName = text(g, "prefs.mail.fromName", mail.fromName(), 3);
        new Label(g, SWT.NONE).setText(Messages.get("prefs.mail.perMinute"));
        perMinute = spinner(g, "prefs.mail.perMinute", mail.perMinute(), 100_000);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(perMinute);
        Label hint = new Label(g, SWT.WRAP);
        hint.setText(Messages.get(admin ? "prefs.mail.password" : "prefs.mail.adminOnly"));
        GridDataFactory.fillDefaults().span(4, 1).hint(540, SWT.DEFAULT).applyTo(hint);
        for (Control w : new Control[] { smtpHost, smtpPort, startTls, smtpUser, fromAddress, fromName, perMinute }) {
            w.setEnabled(admin);
        }
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

    @Override
    protected void okPressed() {
        if (mail != null && admin) {
            MailSettings changed = new MailSettings(smtpHost.getText(), smtpPort.getSelection(), startTls.getSelection(),
                    smtpUser.getText(), fromAddress.getText(), fromName.getText(), perMinute.getSelection());
            if (!changed.equals(mail)) {
                try {
                    campaigns.saveMailSettings(changed);
                } catch (RuntimeException e) {
                    Errors.show(getShell(), e);
                    return;
                }
            }
        }
        if (!GuanxiHome.isDirForced()) {
            String dir = dataDir.getText().strip();
            boolean isDefault = dir.equals(java.nio.file.Path.of(System.getProperty("user.home"), ".guanxi").toString());
            GuanxiHome.saveSetting(GuanxiHome.SETTING_DATA_DIR, isDefault ? null : dir);
        }
        GuanxiHome.saveSetting(GuanxiHome.SETTING_LANGUAGE, Language.CHOICES[Math.max(0, language.getSelectionIndex())]);
        super.okPressed();
    }
}
