package dev.twinning.common.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A URL-safe key: lower-case letters and digits in groups joined by single hyphens, at most 100 characters. */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Constraint(validatedBy = {})
@Pattern(regexp = Slug.PATTERN)
@Size(max = 100)
@ReportAsSingleViolation
public @interface Slug {

    /** At least one letter, so that a slug can never be mistaken for a numeric id. */
    String PATTERN = "(?=[a-z0-9-]*[a-z])[a-z0-9]+(-[a-z0-9]+)*";

    String message() default "must be lower-case letters and digits joined by single hyphens, with at least one letter, at most 100 characters (e.g. ho-chi-minh-city)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
