package dev.twinning.signatory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a signatory. */
@Schema(name = "SignatoryRequest")
public record SignatoryRequest(
        @Schema(required = true, description = "Romanised name as published",
                example = "Kim Min-su") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Name in the person's own script", example = "金敏洙") @Size(max = 200) String nativeName,
        @Schema(example = "Mayor") @Size(max = 200) String title,
        @Schema(required = true, description = "Id of the city whose office the person held",
                example = "1") @NotNull @Positive Long cityId) {

    static SignatoryRequest from(Signatory signatory) {
        return new SignatoryRequest(signatory.name, signatory.nativeName, signatory.title, signatory.city.id);
    }
}
