package org.guanxi.integration;

import java.util.List;
import java.util.stream.Collectors;

import org.guanxi.core.i18n.Texts;

/** An inbound file that breaks the rules: every problem with its line and field; nothing of the file is imported. */
public class FileRejectedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    static final Texts TEXTS = Texts.of(FileRejectedException.class);

    /** {@code line} 0 means the whole file; {@code field} may be empty. */
    public record Problem(int line, String field, String reason) {
        @Override
        public String toString() {
            return TEXTS.get("reject.line", line, field, reason);
        }
    }

    private final String fileName;
    private final transient List<Problem> problems;

    public FileRejectedException(String fileName, List<Problem> problems) {
        super(fileName + ": " + problems.stream().limit(5).map(Problem::toString).collect(Collectors.joining("; ")));
        this.fileName = fileName;
        this.problems = List.copyOf(problems);
    }

    public List<Problem> getProblems() {
        return problems;
    }

    /** The text of the reason file written beside the rejected file. */
    public String report() {
        return TEXTS.get("reject.header", fileName) + "\n" + TEXTS.get("reject.file", fileName) + "\n\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")) + "\n";
    }
}
