package dev.twinning.common.error;

import java.util.List;

/** Thrown when query parameters or body fields have values the API cannot use; answered with 400 naming each. */
public class InvalidInputException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public InvalidInputException(List<Problem.FieldError> errors) {
        super(errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
