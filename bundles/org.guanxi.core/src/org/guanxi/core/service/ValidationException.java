package org.guanxi.core.service;

import java.util.List;
import java.util.stream.Collectors;

/** The input breaks one or more rules; nothing was written. */
public class ValidationException extends GuanxiException {

    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("error.validation");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + "\n" + errors.stream().map(e -> "• " + e.message()).collect(Collectors.joining("\n"));
    }
}
