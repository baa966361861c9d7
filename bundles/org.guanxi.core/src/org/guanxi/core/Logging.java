package org.guanxi.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sends java.util.logging (ours, EclipseLink's, Camel's through slf4j-jdk14) to {@code $GUANXI_HOME/logs}. */
public final class Logging {

    private Logging() {
    }

    /** {@code name}: the log file's name without number, e.g. "guanxi" for guanxi-0.log. */
    public static void install(String name) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s %3$s: %5$s%6$s%n");
        try {
            DataFolder.secure(GuanxiHome.dir());
            Path logs = GuanxiHome.resolve("logs");
            Files.createDirectories(logs);
            FileHandler file = new FileHandler(logs.resolve(name + "-%g.log").toString(), 5_000_000, 3, true);
            file.setFormatter(new SimpleFormatter());
            file.setEncoding("UTF-8");
            Logger root = Logger.getLogger("");
            root.addHandler(file);
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            Logger.getLogger(Logging.class.getName()).log(Level.WARNING, "File logging is off", e);
        }
    }
}
