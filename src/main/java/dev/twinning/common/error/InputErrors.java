package dev.twinning.common.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs several checks of one request and reports every failure together instead of only the first. */
public final class InputErrors {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** The check's result, or null when it failed (the failure is kept for {@link #throwIfAny()}). */
    public <T> T attempt(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public void run(Runnable check) {
        attempt(() -> {
            check.run();
            return null;
        });
    }

    public void add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
